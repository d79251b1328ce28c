namespace Extractor.Cli.Export.Html;

/// <summary>
/// The review pages' style and script, inline so that a page is one self-contained file (no network, no fonts but the
/// reader's own). Highlight colours are also what the browser test counts on a screenshot (<see cref="Colours"/>).
/// </summary>
internal static class PageStyle
{
    /// <summary>The highlight layers: CSS class, the message key of its name in the legend, and its background colour.</summary>
    public static readonly (string Class, string Key, string Colour)[] Layers =
    [
        ("pb", "KeyProblem", "#fde2e1"),
        ("rc", "KeyRectification", "#e2f3df"),
        ("lb", "KeyLabel", "#b9e0b5"),
        ("ms", "KeyMeasure", "#d6e9fb"),
        ("sc", "KeyStatusCue", "#ffd591"),
        ("fd", "KeyField", "#e9e0f7"),
        ("hd", "KeyHeading", "#dfe7f3"),
        ("st", "KeyStat", "#fff3a6"),
        ("wn", "KeyWarning", "#ffc9c9"),
        ("md", "KeyMetadata", "#e6e9ec"),
    ];

    /// <summary>The background colour of a layer, as an RGB triple (for the browser test).</summary>
    public static (byte R, byte G, byte B) Colour(string layer)
    {
        var hex = Layers.Single(l => l.Class == layer).Colour;
        return (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
    }

    /// <summary>The colour of the outline pane's background, and the width of the pane.</summary>
    public const string PaneColour = "#f5f7fa";

    private static readonly string Base = """
        :root { color-scheme: light; --pane: 21rem; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.6 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; background: #fff; }
        a { color: #0b57d0; }
        header { padding: .8rem 1.2rem .6rem; border-bottom: 1px solid #d0d7de; }
        header h1 { margin: .2rem 0 .4rem; font-size: 1.35rem; line-height: 1.35; overflow-wrap: anywhere; }
        .crumbs { margin: 0; font-size: .85rem; color: #59636e; overflow-wrap: anywhere; }
        dl.meta { display: flex; flex-wrap: wrap; gap: .15rem 1.4rem; margin: 0 0 .5rem; font-size: .9rem; }
        dl.meta div { display: flex; gap: .4rem; min-width: 0; }
        dl.meta dt { color: #59636e; }
        dl.meta dd { margin: 0; overflow-wrap: anywhere; }
        .legend { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; font-size: .85rem; }
        .legend label { padding: 0 .45rem; border-radius: 3px; cursor: pointer; border: 1px solid #d0d7de; user-select: none; }
        input.toggle { position: absolute; opacity: 0; width: 1px; height: 1px; }
        input.toggle:focus-visible + * { outline: 2px solid #0b57d0; }
        .layout { display: grid; grid-template-columns: var(--pane) minmax(0, 1fr); align-items: start; }
        nav.tree { position: sticky; top: 0; height: 100vh; overflow-y: auto; overflow-x: hidden; padding: .6rem .8rem 2rem;
            background: #f5f7fa; border-right: 1px solid #d0d7de; font-size: .88rem; }
        nav.tree h2, main h2 { font-size: .95rem; margin: .2rem 0 .4rem; }
        nav.tree ul { list-style: none; margin: 0; padding-left: .9rem; }
        nav.tree > ul { padding-left: 0; }
        nav.tree li { margin: .12rem 0; min-width: 0; }
        nav.tree a { display: block; text-decoration: none; color: #1f2328; overflow-wrap: anywhere; word-break: break-word; border-radius: 3px; padding: 0 .2rem; }
        nav.tree a:hover { background: #e3e8ef; }
        nav.tree .mk { color: #59636e; }
        nav.tree .pg { color: #8b949e; font-size: .8em; }
        .badge { display: inline-block; min-width: 3.2em; margin-right: .3rem; padding: 0 .25rem; border-radius: 3px; font-size: .78em; text-align: center; }
        .badge.done { background: #b7e4b1; } .badge.ongoing { background: #ffd591; } .badge.unknown { background: #e6e9ec; }
        main { padding: .6rem 1.4rem 3rem; min-width: 0; }
        details { margin: 0 0 .8rem; font-size: .9rem; }
        details summary { cursor: pointer; font-weight: 600; }
        details ol { margin: .3rem 0; padding-left: 1.6rem; max-height: 14rem; overflow-y: auto; }
        details li { overflow-wrap: anywhere; }
        code { font: .85em ui-monospace, "Noto Sans Mono", monospace; background: #f0f2f4; padding: 0 .2rem; border-radius: 3px; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.85; font-size: 16px; max-width: 58rem; }
        .text span { border-radius: 2px; }
        .pb { background: #fde2e1; } .rc { background: #e2f3df; } .lb { background: #b9e0b5; font-weight: 700; }
        .ms { background: #d6e9fb; } .sc { background: #ffd591; font-weight: 700; } .sc.done { background: #b7e4b1; }
        .fd { background: #e9e0f7; } .hd { background: #dfe7f3; font-weight: 700; } .st { background: #fff3a6; }
        .wn { background: #ffc9c9; text-decoration: underline wavy #c62828; text-decoration-skip-ink: none; }
        .md { background: #e6e9ec; }
        .wn-at { color: #c62828; font-weight: 700; }
        .page { display: block; margin: .8rem 0 .4rem; color: #8b949e; font-size: .8rem; border-top: 1px dashed #d0d7de; text-align: right; }
        :target { outline: 2px solid #0b57d0; outline-offset: 1px; scroll-margin-top: 3rem; }
        @media (max-width: 50rem) { .layout { grid-template-columns: minmax(0, 1fr); } nav.tree { position: static; height: auto; max-height: 40vh; border-right: 0; border-bottom: 1px solid #d0d7de; } }
        @media print { nav.tree { display: none; } .layout { display: block; } }
        """;

    /// <summary>The notice page's style: the base, and for each layer the rule that hides it when its box in the legend is unticked.</summary>
    public static readonly string Notice = Base + "\n" + string.Join("\n", Layers.Select(l =>
        $"#show-{l.Class}:not(:checked) ~ .layout .{l.Class} {{ background: none; font-weight: inherit; text-decoration: none; }}\n"
        + $"label.key-{l.Class} {{ background: {l.Colour}; }}\n"
        + $"#show-{l.Class}:not(:checked) ~ header label.key-{l.Class} {{ background: none; color: #8b949e; text-decoration: line-through; }}")) + "\n";

    /// <summary>The batch index's style.</summary>
    public static readonly string Index = Base + """

        main.index { max-width: 110rem; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; margin: .6rem 0 1.2rem; }
        .charts figure { margin: 0; }
        .charts figcaption { font-weight: 600; font-size: .9rem; margin-bottom: .2rem; }
        .charts svg text { font-size: 12px; fill: #1f2328; }
        .charts .bar-done { fill: #81c784; } .charts .bar-ongoing { fill: #ffb74d; } .charts .bar-unknown { fill: #b0bec5; } .charts .bar { fill: #64b5f6; }
        table { border-collapse: collapse; font-size: .88rem; width: 100%; }
        th, td { border-bottom: 1px solid #e1e4e8; padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { position: sticky; top: 0; background: #f5f7fa; white-space: nowrap; }
        th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
        th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        tr.failed td { background: #fff1f0; }
        tr.copy td { color: #59636e; }
        """;

    /// <summary>The batch index's script: sorting the table by a column (the table reads as it is without it).</summary>
    public const string SortScript = """
        for (const table of document.querySelectorAll("table.sortable")) {
          const heads = [...table.tHead.rows[0].cells];
          heads.forEach((th, column) => {
            const button = document.createElement("button");
            button.type = "button";
            button.textContent = th.textContent;
            th.textContent = "";
            th.append(button);
            button.addEventListener("click", () => {
              const ascending = th.getAttribute("aria-sort") !== "ascending";
              heads.forEach(h => h.removeAttribute("aria-sort"));
              th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              const numeric = th.dataset.type === "number";
              const key = row => row.cells[column].dataset.sort ?? row.cells[column].textContent;
              const rows = [...table.tBodies[0].rows];
              rows.sort((a, b) => {
                const x = key(a), y = key(b);
                const order = numeric ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y, "zh");
                return ascending ? order : -order;
              });
              table.tBodies[0].append(...rows);
            });
          });
        }
        """;
}
