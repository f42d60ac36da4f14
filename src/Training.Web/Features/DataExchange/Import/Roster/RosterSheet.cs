namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>
/// One sheet of the roster workbook as the import's three stages see it: 读取 (its rows, each
/// cell checked on its own), the keys it refers to (loaded before checking), 校验 (every row
/// applied in memory through the entity verbs, whatever is wrong collected as an error). What is
/// new or changed goes to the <see cref="RosterRun"/>, whose plan 写入 writes for every sheet at once.
/// </summary>
internal abstract class RosterSheet(string name)
{
    public string Name => name;

    /// <summary>Reads the sheet's rows; a row with a bad cell is left out.</summary>
    public abstract void Read(IEnumerable<SheetRow> rows, RosterRun run);

    /// <summary>Org unit codes the rows refer to.</summary>
    public virtual IEnumerable<string> Codes => [];

    /// <summary>ID numbers the rows refer to.</summary>
    public virtual IEnumerable<string> IdNumbers => [];

    /// <summary>Loads what only this sheet needs, after the units and persons the file refers to.</summary>
    public virtual Task LoadAsync(RosterRun run, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Applies every row in memory, in file order; returns the sheet's counts.</summary>
    public abstract SheetCounts Check(RosterRun run);
}

/// <summary>A sheet whose rows are read into <typeparamref name="TRow"/>.</summary>
internal abstract class RosterSheet<TRow>(string name) : RosterSheet(name) where TRow : class
{
    protected List<TRow> Rows { get; } = [];

    public override void Read(IEnumerable<SheetRow> rows, RosterRun run)
    {
        foreach (var r in rows)
        {
            if (Parse(r, run) is { } row) Rows.Add(row);
            else BadKey(r, run);
        }
    }

    protected abstract TRow? Parse(SheetRow row, RosterRun run);

    /// <summary>Notes the key of a row that was bad on its own, so rows referring to it are not also told the key is unknown.</summary>
    protected virtual void BadKey(SheetRow row, RosterRun run) { }
}
