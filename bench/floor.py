"""Where a summary of 10,000 races spends its time, and the floor its design sets (issue 10 item 3).

    python bench/floor.py --runs 3

The `elections` cliff case (10,000 races of 100 candidates, 1M rows, no region: `bench/run.py cliff
--only elections`) misses the 3 s target. This script says by how much each stage does and what the
row contract alone costs, in one process, with the collector paused as the CLI pauses it:

  load, summarize, emit   the library's stages as `pollcli summary FILE --format json` runs them
                          (the JSON written to /dev/null);
  contract per row        `contract.Row` validated once per distinct row of the file (its option
                          cells: name and party), as the exact engine validates them (the
                          streaming engine validates a name once whatever its party since
                          session 14: 198,833 validations of the 817,558 rows, `read/optioncells`);
  contract per column     the same cells validated a column at a time by Pydantic (a list of
                          names, a list of parties) and each distinct name's kind looked up once:
                          what a columnar contract would cost.

The output side's floor (what the public `ResultRow` list costs whatever the reading does), from
the summary the stages made:

  results built           the summary's million `ResultRow`s made again from plain values (the
                          list comprehension of `summary.summarize_election`, nothing else);
  results written         those rows written as JSON by the document's writer (Pydantic's, an
                          election's results at a time), nothing else of the document;
  results from columns    the same JSON text written from columns (a list per field, no object
                          per row) by plain Python, checked byte for byte against the line above:
                          what writing the results from columns would cost at the least.

Session 14 (medians of 3, CPU seconds, load 5-9 on the 2 cores): load 11.11 s (13.77 s in
session 13), summarize 1.73, emit 1.30; 14.14 s in all. What remains of `load`, by cProfile's
shares (inflated; the shares hold): the stream about half (a name's cells validated, 199k: ~15 %
of load; per key `KeySums.part`, which hashes the row, and `stream._add`: ~7 % each; the row
placed under its party, `optioncells.with_party`: ~4 %) and `races.assemble` the other half (per
race `assemble._election`: option keys, breakdowns, party lines, totals, the merge, checks, each
3-5 %; `KeySums.records` ~4 %; `racechecks` ~4 %). No stage is more than a sixth of the whole:
the rest of the way to 3 s is no trim but the columnar form, and in this order of value:
  1. keys as arrays: a part numbered by (election, name, party, facts) as small integers, each
     distinct value numbered once, the votes summed by pyarrow into an array by part (no Row
     hashed per key, no `with_party` copy per key: some 15-20 % of load);
  2. assembly over arrays per race: `_election`'s stages handed a race's columns (names, parties,
     votes as arrays) rather than a list of `Record`s, a `Record` made only for a race a stage
     must look at row by row (a total row, a repeated line): ~40 % of load;
  3. memory: RSS by stage (VmRSS / VmHWM after each, session 14): 36 MiB imported; the peak,
     ~630 MiB, reached by the end of the stream (1M parts with their rows, then the 1M records
     built from them) and held through the assembly (records handed over to 1M options) and
     the summary (1M `ResultRow`s, in memory the records and parts let go: +0-40 MiB) to the
     emit (+8 MiB). Each stage holds an object per key; holding one race's results at a time
     (the writer taking the races from a generator) lowers the peak only once the stream and
     assembly hold keys as arrays (1. and 2.), not before.
Session 16, step 1 (keys as arrays), as far as it went: a part is four small numbers packed into
one int (its name's row, without the party, numbered once per validation; its fact cells; its
party; its election: `read/keysums`), so no `Row` is hashed per key and none copied per key to
carry its party; a block of a file of races of no region takes its parts a column at a time
(`read/keyblock`, `OptionCells.column_parts`: each distinct election, party and name cell of the
block read once, the parts numbered by the packed ints) and adds its keys at once where all are
new (votes and first lines as one slice of the arrays; the options counted a race at a time). Not
numpy: each key is still a Python int looked up in a dictionary, but through no call of its own.
The records, built at the end, now make the row a key carries with its party (the copy moved, not
saved, in `elections`; in `party_lists` one row for each list's records, `KeySums.records`).
Measured on a machine of load 12-13 on its 2 cores (other sessions' suites), so ± 10 %:
  floor.py --runs 3, same run, before / after (the column path, not the shared rows): load 15.16
  / 15.05 s, summarize 2.04 / 2.05, emit 1.49 / 1.48: the load's gain is inside the noise;
  by stage (one run each, alternated): the stream's merge 5.6-7.4 → 4.0-5.5 s (`elections`),
  3.16 → 2.17 s (`party_lists`); `KeySums.records` 0.44-0.74 → 1.3-1.6 s (`elections`: the
  party's copy, ~1 µs a key, now made here), 0.55 → 0.95 s (`party_lists`);
  `pollcli summary` / `validate --format json` (stream engine, `/usr/bin/time`, one run each,
  alternated; wall is the machine's load, not ours): `elections` user CPU 21.3 → 20.9 s / 20.7
  → 18.1 s, peak RSS 632 → 578 MiB / 635 → 580 MiB (the parts' rows and tuples not held beside
  the records); `party_lists` 14.7 → 15.6 s / 12.1 → 10.3 s, 546 → 546 MiB / 481 → 493 MiB.
  `bench/run.py cliff --only elections,party_lists --runs 1`, before then after: user CPU
  against the plain file's, summary / validate: `elections` 31.7× → 28.8× / 27.9× → 25.5×
  (25.6 → 22.5 s / 20.0 → 15.7 s; 616 → 581 MiB / 635 → 578 MiB); `party_lists` 24.4× →
  17.5× / 15.7× → 13.4× (17.1 → 13.2 s / 12.8 → 9.5 s; 548 → 546 MiB / 478 → 487 MiB).
What is left of the stream is the names' contract (199k validations, ~2 s) and a dictionary look-up
per key; of the load, the assembly (~half: step 2) and the records it is handed (step 3).
Byte-identical JSON is what holds each step: `summary` / `validate --format json` of both cliff
shapes, both engines, compared with `cmp` against main.

Session 16, the output side (s16-speedout; party_lists and elections loaded once, pickled, and
summarised and emitted by main's code and the branch's alternately, load 9-13 on the 2 cores):
what is left above the floor is per-option work, a pass at a time over 1M options: a pass by a
chained attribute (`r.option.kind`) 0.07 s, 1M objects built from constants 0.11 s (`Ranked`) to
0.15 s (`ResultRow`); `rank` takes 0.37 s, the results 0.44 s, the findings' list of 95 names and
shares per race 0.42 s (their floats formatted: 0.22 s). Trimmed: below_threshold flagged by one identity walk (not an id set: 0.44 ->
0.38 s), the findings' names by a list comprehension (a dotted attrgetter is twice as slow: 0.42
-> 0.33 s), no negated keys for the votes' sort, the effective number's squares summed in C:
summarize 2.20 -> 2.02 s (party_lists) and 2.73 -> 2.52 s (elections), medians of 5 alternated in
one process (-8 %); across 9 alternated processes the medians moved by -1 % to +7 %: noise at that
load. Tried and left out: a writer of the results from columns in plain Python (the C string
encoder and `str.format`: 1.9-2.2 s against Pydantic's 1.0 s for the same bytes); a batch of
elections per Pydantic call at their depth (`[[…]]`: no line break replaced; 1 MiB batches left
the cache and the exponent search scanned them whole: 1.28 s against 1.15 s per race); results
built by `map` over attrgetters or with precomputed places (no gain: the call per object stays).
Pydantic's `to_json` per race (1.0 s of emit's 1.3) is the output side's floor as the results are
objects; below it only fewer objects (a race's results as columns) and a writer in C.

Session 17, the stream's side (s17-speedout; load 10-13 on the 2 cores, main's code and the
branch's alternated in one shell): a block's new names validated as columns (`read/namecells`:
Pydantic over the name, kind and fact columns with the row contract's own validators, what each
name implies worked out once, each `Row` made from its validated cells; a name the columns
cannot take left to `contract.Row`), and `KeySums.records`' loop with its constants as locals.
`OptionCells.column_parts`, CPU seconds, two alternated runs: `elections` 5.21 / 4.23 → 3.29 /
3.19, `party_lists` 1.80 / 1.26 → 1.35 / 1.46 (100 names: no gain to be had); `KeySums.records`
2.26 / 1.80 → 1.76 / 1.81 and 0.73 / 0.63 → 0.62 / 0.64 (noise); `load` of `elections` 18.9 /
14.5 → 14.0 / 13.7 s. `floor.py --runs 1` ×3 alternated, medians: load 15.64 → 14.98 s,
summarize 2.12 → 2.15, emit 1.59 → 1.55 (the spread of a run, 14-19 s, is wider than the gain).
The 198,833 names by columns alone cost 0.63 s (by rows 0.97 s: contract only, no split),
of it `kinds.implied_by_name` 0.56 s, 2.8 µs a name: the next trim; the copy per key that carries its party
(`with_party`, ~0.6 µs, 1M in `elections`) stays: made column by column (a setter `map`ped per
field) it cost 0.81 s against 0.61 s. Of the stream's share of `load`, what remains is a
dictionary look-up per key and the records; the rest is the assembly.

Session 17, step 2 (s17-speedin: the assembly), as far as it went: a stage that looks row by row
for what most races lack asks first, by one test over the race's distinct cells or its votes,
whether it can find anything, and skips the race where it cannot; each test exact, held so by
tests/test_assembly_skips.py against the full loop on hostile races. A party's total row named as
its party (`party_totals.may_name_party`: the race's name and party cells case folded and unspaced
in one string of them all, ASCII as bytes; for both searches, which each walked `by_party` a race):
skipped in every race of both shapes. A block listed again under other names
(`partylines.repeated_blocks`: no name twice and fewer than two pairs of one party's options of the
same votes, 100 at least): skipped in 97 % of the races (9,724 `elections`, 9,779 `party_lists`).
New ASCII names keyed by one translation of them all joined (`namekeys.option_keys`, after the
cache's probe). A race of each name once made into options by one comprehension
(`read/mergeoptions`). In-process timings of one race of 100 names (the file's first; load 11-15,
2-3 repeats of 2,000-5,000 calls): the party test 36-46 µs against `by_party`'s 240-265 µs (twice a
race); the keys 43-63 µs against 128-150 µs; the options 192-215 µs against 333-361 µs. Whole runs
at load 11-15 on the 2 cores are noise of ± 20 % (main's load: 17.53 s as floor.py's median, 14.54
s in one run minutes later): floor.py --runs 3, main then the branch: load 17.53 / 14.49 s,
summarize 2.34 / 2.06, emit 2.03 / 1.54 (the two stages not changed moved as far: the load's gain
is inside the noise). `bench/run.py cliff --only elections,party_lists --runs 1`, main then the
branch (--runs 1, not 3: the deadline at that load), user CPU against the plain file's, summary /
validate: `elections` 18.93 s (23.9×) / 14.29 s (22.9×) → killed at the harness's 300 s of wall
time after 19.30 s of CPU / 14.89 s (25.4×); `party_lists` 13.15 s (16.5×) / 12.24 s (16.4×) →
10.26 s (17.7×) / 7.45 s (11.7×); peak RSS unchanged (580-586 / 473-487 MiB: nothing here holds
less). Neither of those runs measures the step. Later, at load 3-5, `stages` of `elections` in 3
alternated pairs of processes (main, the branch; CPU seconds): load 15.58 / 14.05, 15.12 / 13.78,
14.24 / 13.11 (median 15.12 → 13.78 s, −9 %; the branch faster by 1.1-1.5 s in each pair),
summarize 1.98 / 1.76 and emit 1.74 / 1.68 (medians; not changed: their noise).
What is left of the assembly is work each race needs (the totals stage's pass over its places,
`races.assemble`'s race key per record, the audit, `racechecks`' crowded races, which these files
have) and `KeySums.records`' million `Record`s and party copies (step 3).

Session 17, the memory (lead; `elections`, one run at load 11): after `load`, the collector run,
the live Python objects are 215 MiB (tracemalloc: the 1M `Option`s 92 MiB, their votes' ints
31 MiB, the 199k names 12 MiB; gc sees only the Options, 10,000 Elections and their lists), the
traced peak during the load 382 MiB, yet the process's RSS is 558 MiB (HWM 572): ~340 MiB are
memory freed and not given back — pymalloc's arenas pinned by long-lived Options allocated among
the stream's and the assembly's temporaries, and Arrow's memory pool (`ARROW_DEFAULT_MEMORY_POOL=
system`: validate's peak 595 -> 554 MB, CPU the same). So the 400 MiB line is a matter of what is
allocated between the Options as much as of how many live: holding the options as columns (step
3), or building them once the temporaries are gone, would lower the peak more than trimming any
stage. End of session 17, idle machine, session 16's code (9065876) and main alternated twice,
`cliff --only elections,party_lists --runs 1`, user CPU: `elections` summary 18.98 / 16.77 s ->
16.05 / 14.72 s, validate 14.23 / 13.69 -> 14.64 / 13.02 s; `party_lists` summary 12.78 / 12.06
-> 11.72 / 11.96 s, validate 9.95 / 8.84 -> 9.20 / 9.57 s; peak RSS unchanged (578-586 MiB,
462-551 MiB): the summary of `elections` about 13 % quicker, the rest inside the noise.

Session 22, the output side and its memory (s22-out; `elections` and `party_lists` loaded once
and pickled, main's code and the branch's alternated in one process, load 9-13 on the 2 cores):
summarize 2.0-2.2 s of `elections` is per-option work spread thin: the tally 0.84-0.88 (`rank`
0.38, its `_ranks` loop 0.25), the notes 0.57-0.76 (the sentence of 95 names below the
threshold 0.39-0.54, of which their shares' `:.2f` 0.17 s idle), the results 0.45-0.55, the
overview 0.14; emit 1.5 s is Pydantic's text of each election (1.1-1.2, the results 1.0 of it),
the scans for text written apart (`numbers_as_written` 0.15, `utf8_may_be_unsafe` 0.03) and
the indent's `replace`. Tried and left out, each byte-identical and no gain measured (medians
of 5-7 alternated passes): each election written at its depth inside `[[…]]` (no `replace`:
1.52 s against 1.49; the `replace`'s 0.26 s of an isolated pass was its output's page faults,
which the writer's pieces, written and let go, do not pay); the results written by a
serializer of `ResultRow` without its optional keys where no row holds one (Pydantic calls
`exclude_if` twice a row: 0.98 s against 1.07 for the rows alone, but the pass in C that finds
no row holding one costs 0.12 s of the 10,000 races; the race's other keys serialised apart
and spliced, 0.3 s more), `kind` serialised as a str rather than its Literal (-0.04 s);
`_ranks` by `map(Ranked, …)` over columns and a dict of first places (0.46 s against 0.35).
What the output side held: `--memory` (VmRSS / VmHWM after each stage): the summary's million
`ResultRow`s (and notes) were made beside the million `Option`s the CLI still held, so that
summarize raised the process's peak above the load's: `elections` by 20-25 MiB (531-589 ->
556-609 in three runs), `party_lists` 434 -> 525 MiB (535 after emit). `summarize(release=True)`, as the CLI runs it, lets each
election's options and regions go once it is summarised: the results take their memory, and
the peak is the load's (`elections` 537 / 537, `party_lists` 430 / 430 MiB after load /
after emit). `pollcli summary --format json`, `/usr/bin/time`, 3 alternated pairs, medians:
peak RSS `elections` 564 -> 536 MiB, `party_lists` 536 -> 425 MiB; user CPU 13.62 -> 13.96 s and
11.06 -> 11.39 s (noise of ± 0.7 s; the options' deallocation, which `os._exit` spared, is
~0.1 s). What is left on the output side is the million `ResultRow`s (built 0.3 s, written by
Pydantic 0.9 s): below that only results that are no objects (a race's results as columns,
written by a writer in C) and races summarised and written one at a time (no summary of all
held: what would let the load's memory go too).

Session 23, party_lists' peak (s23-cols; load 2-10 on the 2 cores; session 22's code and the
branch's alternated). Where the peak was, VmRSS / VmHWM in MiB by stage (`pollcli summary`): the
stream ended at 293-297 but had peaked at 397-445 in it, then records 331-334, the assembly 363-366
(its peak held); by block, RSS rose 60-110 MiB above the last merge's while two workers grouped
8 MiB blocks of 125,000 keys each and a third waited (`tracemalloc` sees none of it: Arrow's
buffers, and the keys' cells and figures made Python objects, 750,000 a block). Blocks of half the
size where each row is a key (`OptionCells.keyed`: no region, no unit, the party set apart): the
stream's own peak (VmHWM as `KeySums.records` starts, in-process, 3 runs each) 417-433 -> 347-352
MiB (`elections` 472-497 -> 422-431, not its process's peak, which is its million records' party
copies: 536-555), the stream's CPU the same (2.24-2.28 -> 2.27-2.33 s, `elections` 3.30-3.44 ->
3.28-3.33). Other files keep 8 MiB blocks: `florida` (its keys met again in many blocks) took
0.5-0.6 s of CPU and 30 MiB more in 4 MiB ones (2.64 / 2.91 -> 3.18 / 3.54 s), while `plain`,
`races` and `cyrillic` had 40-85 MiB less (202 -> 158, 226 -> 188, 310 -> 224: not needed, they
are far under 400). The process's peak is then the assembly's (the million `Record`s beside the
`Option`s they become: 373-383) and the summary's end (the million `ResultRow`s, 20,000 notes of
95 names, 1M share floats: `tracemalloc` +216 MiB in all while the options' 137 are let go,
384-392 after emit). There `summarize` rendered the race-split warning that every race of the file
carries once a race, 10,000 copies of one 900-byte text, now one (`summary._rendered`: the
summary's objects 216.7 -> 208.1 MiB). `pollcli` under /usr/bin/time, the final code and session
22's alternated (five pairs of summary, two of validate, load 2-5), peak RSS in MiB: `party_lists`
summary 418-437 (median 427) -> 379-387 (381), validate 415-447 -> 384-385; user CPU 9.63 -> 10.03 s
(medians; the pairs +0.8 to -0.2: the stream's CPU in-process 2.25-2.56 -> 2.30-2.35 s, the same)
and 6.31 / 8.51 -> 6.27 / 6.87 s; `elections` 12.13 -> 12.03 s, 535-542 MiB either way. The line
is met, with 13-21 MiB to spare: what is left is the assembly's records and the summary's results.
Tried and left out: a block's keys kept as Arrow columns until the merge (`BlockSums.keys` made
on the merging thread, not the worker's): the stream's peak 347-352 -> 328-334 MiB in 4 MiB
blocks (nothing in 8 MiB ones: 413-431), but the stream ended 40 MiB higher (287-301 -> 336-343:
the cells made Python objects on the main thread, among its objects) and the process's peak with
it (summary 385-401 MiB in five pairs, against 379-387 without), and the stream of `elections`
took 2.94-3.14 -> 2.99-3.31 s;
`malloc_trim(0)` (ctypes) after the stream, after `KeySums.records` and after the load gave back
34, 61 and 76 MiB of RSS there, but the assembly and the summary fault as much in again (their
strings, lists and dicts reuse the freed heap; the process's peak 384-388 against 389-406, single
runs: noise); `MALLOC_MMAP_THRESHOLD_=131072` 383 against 389-396 MiB for 0.5 s more system CPU.
Noticed: past the bound on options the streaming engine stops at the first such race and lists
the problems of the rest of its block only (a block's size decides how many: a file of 300,000
rows in two races of 150,000 names listed three at 8 MiB, one at 4, session 22's code one of
three at 600,000 rows; the exact engine lists all three; session 24: both engines now give what
the lines up to the first option past the bound give, `read.limits.given`). CPU of party_lists'
load by stage (in-process thread time, load ~6): the stream's merge 1.4-1.5 s (`column_parts` 0.8 of it,
`KeySums.numbered` 0.5 of that), the workers 1.0, `KeySums.records` 0.7, the assembly ~4, where
cProfile's heaviest are per-option passes written as generator expressions (`any(r.row.region for
r in records)` and 15 others a race, 1M steps each: 0.5-0.8 s in all), `options_of`,
`election_facts`, `racechecks._several` and the audit: what step 2's columnar assembly (a race's
`Option`s made from its key sums, no `Record`) would remove. Not begun: a race's records pass some
two dozen stages between `KeySums.records` and `options_of` (`races.assemble`'s runs, answers,
unfit facts, levels, modes; `_election`'s places, zero copies, facts, fractions, range, merge,
checks), each of which needs a columnar twin or a proof that it finds nothing in a `Plain` race.

Session 24 (s24-fast; load 4-7 on the 2 cores, session 23's code and the branch's alternated;
`load` and its `races.assemble` in-process, thread CPU, the least of 3 loads a process). Not the
columnar assembly: slices of it, each exact by a proof written where the skip is made. A race of
a file of no place (`Plain.placeless`: no region or unit, no units summed, no counts for every
race) whose records have no count row, share, fact cells, summed lines or acclamation
(`plainraces.simple_race`, five passes in C over its 100 records) skips a dozen passes over them
(`cast_total`, `share_counts`, the count rows set apart, `election_facts`' loop, `fractions`,
`out_of_range`, the place, the units, acclaimed, the ballots_cast line): held by
tests/test_simple_races.py against every pass run. `simple_race` costs 0.18 s over the 10,000
races (the file's records asked at once: 0.21 s), each pass it spares some 0.035 s (a dotted
generator's pass over 1M records: 0.036 s): a net 0.2-0.3 s. `races.assemble`'s map of
each record's race name for the unfit facts skipped where no record has facts (0.13 -> 0.03 s);
`summedapart.races_spelt_apart` skipped where no record has race cells (0.10 -> 0.03 s);
`racechecks._field` sums and compares a race's votes once, `positions` looks at a race's
distinct party cells before sorting its options (both 0.23 -> 0.17 s over 10,000 races). In
all (two alternated pairs of processes, load 6-7), load / its `races.assemble`: `elections`
9.37, 9.11 -> 9.19, 8.98 s / 4.45, 4.16 -> 4.27, 4.01 s (-0.15 to -0.2 s in each pair);
`party_lists` 5.87, 6.06 -> 5.66, 5.53 s / 3.28, 3.23 -> 2.96, 3.03 s (-0.2 to -0.3 s);
summarize the same (1.46-1.94 s either way). `pollcli` under /usr/bin/time, two alternated
pairs, user CPU / peak RSS: `elections` summary 10.83, 10.41 -> 10.94, 10.29 s (noise), validate
8.21, 8.17 -> 7.33, 7.37 s, 514-538 -> 522-551 MiB (noise of the machine's load); `party_lists`
summary 8.37, 8.56 -> 8.36, 8.39 s, 384-390 -> 385-391 MiB, validate 5.74, 6.18 -> 5.36, 5.54 s.
Tried and left out (no gain, or a loss): the same passes "in C" elsewhere. A pass over a race's
options or a file's records is its cache misses, 100-240 ns an object whichever walks it: the
audit's passes by `map`/`isdisjoint`/`list.count` 0.276-0.283 -> 0.284-0.297 s; `levels` and
`modes`' `"level" in r.facts` by `map(contains, …)` 0.043 -> 0.050-0.073 s; a dotted attrgetter
(`attrgetter("row.candidate")`, C) against a set comprehension: 0.09 -> 0.14-0.20 s; `counts_apart`
by two passes in C 0.04 -> 0.12 s. What pays is a pass not made (a proof over what is already
known of the file), or made while the race's objects are in the cache. The columnar lever stays
where session 23 left it: `KeySums.records` (1.6 s of 3.3 in cProfile, with_party 1.1) and
`options_of` (0.75) make a million objects each, which only building a `Plain` race's options
from the key sums' columns removes.

Session 27 (s27-perf; load 5-13 on the 2 cores, main's start (57daee7) and the branch alternated).
Where `party_lists`' peak was, VmRSS / VmHWM in MiB by stage of `pollcli summary` (an in-process
probe wrapping each stage): stream 241 / 307, records 318 / 341, the assembly 343 / 383, summarize
382 / 383, then stderr's digest 392 and emit 396: the peak was made after the summary, by text.
The digest rendered the one warning all 10,000 races carry 10,000 times (9 MiB of equal lines for
`warn` to print once); emit serialised the overview (a line a race, 4.4 MB) as one piece, copied by
the indent's `replace` (+8 MiB). Both now written once / a race's line at a time (the overview's
10,000 pieces cost 0.03 s more of emit's 1.3, 5 alternated passes in one process); and
`races.assemble` let go of three lists of a million entries (each record's race, twice, and the
keep flags) only as it returned, after the assembly, where `validate` peaks: 380 -> 349-356 MiB.
What is left of summary's peak is summarize's (326-343 -> 378: the million shares are new floats,
32 B each, and the notes' text; the results take the options' freed 96-byte slots).
Tried and left out, each measured where it runs (the first call on the file's own objects: a
second call over the same races is skipped by what the first marked, and cProfile's shares of
per-option generators were 5-30 times their cost): `findings.checks._listed`'s count of the options
of the base by passes in C (cProfile 1.5 s; its cost 0.05 s, 0.04 in C); `racechecks._field`,
`_crowding` and `crowded.primaries`' names grouped by passes in C (`compress`/`map` over
`"candidate".__eq__`, `Counter`, a set of (party, name) pairs): slower than the comprehensions
they replaced, 0.13 -> 0.17, 0.09 -> 0.12 and 0.11 -> 0.21 s over 10,000 races (3.11's
specialised attribute loads beat a method-wrapper call per item); `with_party` as plain stores
into a twin class of the same slots then `__class__ = Row`: 1.10 -> 0.95 µs a copy, a hack for 13 %.
Still to take: `KeySums.records` (1.2-1.5 s of `elections`: 817,558 distinct (name, party)
pairs, each a `Row` copy, and a million `Record`s) and `_several`'s 0.55 s are work per option
that only a race's columns (step 2) remove.

Medians of --runs of CPU seconds (`time.process_time`, the reading threads' included); each figure
also as a share of the 3 s target. The stages' sum is the CPU time of the library's work (not the
process's start-up).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import OUT, ensure

_STRING = json.encoder.encode_basestring  # type: ignore[attr-defined]  # (the C encoder)

TARGET_SECONDS = 3.0


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    """The CPU seconds of `work` (the process's, its reading threads' too), not its wall time: on
    a machine shared by other runs a stage's wall time was three to five times its CPU time."""
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def memory() -> tuple[int, int]:
    """The process's resident memory now and at its peak (VmRSS, VmHWM), in MiB."""
    found = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) // 1024
    return found["VmRSS"], found["VmHWM"]


def stages(
    path: Path, after: Callable[[str], object] = lambda stage: None
) -> tuple[dict[str, float], Any]:
    """The library's stages of `pollcli summary PATH --format json`, timed one by one, and the
    summary they made; `after(stage)` is called once each is done."""
    from pollcli.cli.output import emit
    from pollcli.read import load
    from pollcli.summary import summarize

    after("imported")
    figures: dict[str, float] = {}
    figures["load"], elections = timed(lambda: load([path]))
    after("load")
    figures["summarize"], result = timed(
        lambda: summarize(
            elections,
            threshold=3.0,
            majority=50.0,
            by_region=False,
            detail=False,
            sort="file",
            one_line_per_race=False,
            release=True,  # (as the CLI: each race's options let go once it is summarised)
        )
    )
    after("summarize")
    with open("/dev/null", "w") as sink:  # (a stream, as the CLI's stdout)
        saved, sys.stdout = sys.stdout, sink
        try:
            figures["emit"], _ = timed(lambda: emit(result, "summary", "json", None, True))
        finally:
            sys.stdout = saved
    after("emit")
    return figures, result


def output_floor(result: Any) -> dict[str, float]:
    """What the summary's results cost as they are (`ResultRow` objects, the JSON writer), and
    the same text written from columns."""
    from pollcli.document import INDENT, adapter
    from pollcli.models import ResultRow

    every = dataclasses.fields(ResultRow)
    fields = [f.name for f in every]
    # Each field's test of a value the JSON leaves out (`models.optional`: `colour` when None,
    # `acclaimed` when false); None for a field always written.
    absent = [f.metadata.get("exclude_if") for f in every]
    if any(f.metadata.get("exclude") for f in every):
        raise SystemExit("a result field never written: not this writer's case")
    values = [
        [tuple(getattr(row, name) for name in fields) for row in election.results]
        for election in result.elections
    ]
    built, rows = timed(lambda: [[ResultRow(*cells) for cells in race] for race in values])
    results = adapter(list[ResultRow])
    written, texts = timed(lambda: [results.dump_json(race, indent=len(INDENT)) for race in rows])
    columns = [list(zip(*race, strict=True)) if race else [] for race in values]
    from_columns, plain = timed(lambda: [_results_json(fields, absent, race) for race in columns])
    if plain != texts:
        raise SystemExit("the results written from columns differ from the writer's")
    return {
        "results built": built,
        "results written": written,
        "results from columns": from_columns,
    }


def _results_json(
    fields: list[str], absent: list[Callable[[Any], bool] | None], columns: list[tuple[Any, ...]]
) -> bytes:
    """An election's results as the writer writes them, from a tuple per field: each column
    turned into JSON by the standard library's C string encoder (or `repr`, `str`) in one `map`,
    then a format per row (an optional field, `absent` its test, left out where every row's value
    is absent, as the document leaves it out; a field absent in some rows only is not this
    writer's case)."""
    if not columns:
        return b"[]"
    shown = []
    for i, test in enumerate(absent):
        if test is None:
            shown.append(i)
            continue
        left_out = sum(map(test, columns[i]))
        if 0 < left_out < len(columns[i]):
            raise SystemExit(f"{fields[i]} in some rows only: not this writer's case")
        if not left_out:
            shown.append(i)
    texts = [list(map(_json_scalar, columns[i])) for i in shown]
    template = ",\n".join(f'    "{fields[i]}": {{}}' for i in shown)
    rows = map(("  {{\n" + template + "\n  }}").format, *texts)
    return ("[\n" + ",\n".join(rows) + "\n]").encode()


def _json_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _STRING(value)
    return repr(value)  # (an int, or a float as the writer writes one above 1e-4)


def distinct_rows(path: Path) -> list[dict[str, str]]:
    """The file's distinct option cells (name, party), as the engines validate them."""
    import pyarrow.csv as pv

    table = pv.read_csv(path, convert_options=pv.ConvertOptions(column_types={"votes": "string"}))
    pairs = dict.fromkeys(
        zip(table.column("candidate").to_pylist(), table.column("party").to_pylist(), strict=True)
    )
    return [{"candidate": name, "party": party} for name, party in pairs]


def _named(value: Any) -> Any:
    """A stand-in for the row contract's name check (a blank name is refused), of its cost."""
    if isinstance(value, str) and not value.strip():
        raise ValueError("the option has no name")
    return value


def contract_floor(rows: list[dict[str, str]]) -> dict[str, float]:
    """The row contract's cost per row, and a columnar contract's for the same cells."""
    from pydantic import BeforeValidator, TypeAdapter

    from pollcli.contract import Row
    from pollcli.kinds import implied_by_name

    implied_by_name.cache_clear()
    names: dict[str, Any] = {}
    per_row, _ = timed(lambda: [Row.model_validate(row, context={"names": names}) for row in rows])
    implied_by_name.cache_clear()
    column = TypeAdapter(list[Annotated[str, BeforeValidator(_named)]])
    plain = TypeAdapter(list[str | None])

    def columnar() -> None:
        column.validate_python([row["candidate"] for row in rows])
        plain.validate_python([row["party"] for row in rows])
        for name in {row["candidate"] for row in rows}:
            implied_by_name(name)

    per_column, _ = timed(columnar)
    return {"contract per row": per_row, "contract per column": per_column}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=OUT, help="where the bench files are")
    parser.add_argument("--shape", default="elections", help="elections, or party_lists")
    parser.add_argument(
        "--memory",
        action="store_true",
        help="one run of the stages alone: resident memory (now, peak) after each",
    )
    args = parser.parse_args(argv)
    path = ensure(args.shape, args.rows, out=args.out)
    gc.disable()  # as `pollcli`'s __main__ does for the whole run
    if args.memory:
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")  # (as `pollcli`'s)
        print(f"{path.name}: resident memory after each stage, MiB (now / peak)")

        def show(stage: str) -> None:
            now, peak = memory()
            print(f"  {stage:<10} {now:5d} / {peak:5d}", flush=True)

        stages(path, show)
        return 0
    rows = distinct_rows(path)
    runs: dict[str, list[float]] = {}
    for _ in range(args.runs):
        figures, result = stages(path)
        figures |= output_floor(result)
        del result
        for name, seconds in {**figures, **contract_floor(rows)}.items():
            runs.setdefault(name, []).append(seconds)
    print(f"{path.name}: {len(rows):,} distinct option rows; medians of {args.runs} run(s)")
    total = sum(statistics.median(runs[name]) for name in ("load", "summarize", "emit"))
    for name, values in runs.items():
        median = statistics.median(values)
        print(f"  {name:<20} {median:6.2f} s  {median / TARGET_SECONDS:5.2f}× the 3 s target")
    print(f"  {'stages in all':<20} {total:6.2f} s  {total / TARGET_SECONDS:5.2f}× the 3 s target")
    floor = statistics.median(runs["results built"]) + statistics.median(runs["results written"])
    columnar = statistics.median(runs["results from columns"])
    print(
        f"  output floor (results built + written) {floor:.2f} s: {floor / total:.0%} of the stages,"
        f" {floor / TARGET_SECONDS:.2f}× the 3 s target; from columns {columnar:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
