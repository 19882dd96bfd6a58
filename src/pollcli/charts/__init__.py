"""Results → charts, drawn with matplotlib: bars, dumbbells, poll errors, regions, maps, parliaments.

Like `render/`, charts never compute: every figure they show comes from a result object (`Summary`,
`Comparison`, `RegionMap`) or, for seats, from the plain figures given. What they decide is only how a
figure looks: positions, colours, wording of labels.

Nothing here is imported unless a chart is asked for (`--chart FILE`): matplotlib costs more than the
whole start-up of an everyday `pollcli summary` (README "Performance"), so `pollcli.charts.files`, which
the CLI checks paths with before any work, imports no matplotlib, and the drawing modules are imported
where a chart is made.
"""
