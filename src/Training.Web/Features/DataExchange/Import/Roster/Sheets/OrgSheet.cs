using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import.Roster.Sheets;

/// <summary>组织: units upserted by code under their parent; level and parent never change.</summary>
internal sealed class OrgSheet() : RosterSheet<OrgRow>(RosterSheets.Org)
{
    protected override OrgRow? Parse(SheetRow row, RosterRun run) => RosterRows.Org(row, run.Errors);

    protected override void BadKey(SheetRow row, RosterRun run)
    {
        if (row.Text(RosterColumns.Code) is { } code) run.BadCodes.Add(code);
    }

    public override IEnumerable<string> Codes => Rows.SelectMany(r => r.ParentCode is null ? [r.Code] : new[] { r.Code, r.ParentCode });

    public override SheetCounts Check(RosterRun run)
    {
        const string sheet = RosterSheets.Org;
        var c = new SheetCounter(sheet);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows)
        {
            if (run.Duplicate(seen, r.Code, r.Row, sheet, RosterColumns.Code, RosterColumns.Code)) continue;
            run.Units.TryGetValue(r.ParentCode ?? "", out var parent);
            if (r.ParentCode is not null && parent is null)
            {
                if (!run.BadCodes.Contains(r.ParentCode))
                    run.Errors.Add(new(sheet, r.Row, RosterColumns.ParentCode, ImportTexts.NoSuchParent(r.ParentCode)));
                continue;
            }
            if (parent is not null && parent.Level != r.Level - 1)
            {
                run.Errors.Add(new(sheet, r.Row, RosterColumns.ParentCode,
                    ImportTexts.WrongParentLevel(parent.Code, parent.Name, parent.Level, r.Level)));
                continue;
            }

            if (run.Units.TryGetValue(r.Code, out var unit))
            {
                if (unit.Level != r.Level)
                {
                    run.Errors.Add(new(sheet, r.Row, RosterColumns.Level, ImportTexts.LevelFixed(unit.Code, unit.Name, unit.Level)));
                    continue;
                }
                var expectedPath = parent is null ? $"/{r.Code}/" : parent.Path + r.Code + "/";
                if (unit.Path != expectedPath)
                {
                    var segments = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
                    var current = segments.Length > 1 ? segments[^2] : ImportTexts.NoParent;
                    run.Errors.Add(new(sheet, r.Row, RosterColumns.ParentCode, ImportTexts.ParentFixed(unit.Code, unit.Name, current)));
                    continue;
                }
                if (unit.Name == r.Name && unit.Kind == r.Kind) { c.Unchanged++; continue; }
                run.Try(sheet, r.Row, RosterColumns.Name, () =>
                {
                    unit.Rename(r.Name);
                    if (r.Kind is { } kind) unit.ChangeKind(kind);
                });
                run.ChangedUnits.Add(unit);
                c.Updated++;
            }
            else
            {
                var created = run.Try(sheet, r.Row, RosterColumns.Code, () =>
                    parent is null ? OrgUnit.CreateCity(r.Code, r.Name) : OrgUnit.CreateChild(parent, r.Code, r.Name, r.Kind));
                if (created is null) continue;
                run.Units[r.Code] = created;
                run.NewUnits.Add(created);
                c.Added++;
            }
        }
        return c.Result();
    }
}
