using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import.Roster.Sheets;

/// <summary>关键岗位: each village's number of key posts.</summary>
internal sealed class KeyPostsSheet() : RosterSheet<KeyPostRow>(RosterSheets.KeyPosts)
{
    protected override KeyPostRow? Parse(SheetRow row, RosterRun run) => RosterRows.KeyPost(row, run.Errors);

    public override IEnumerable<string> Codes => Rows.Select(r => r.VillageCode);

    public override SheetCounts Check(RosterRun run)
    {
        const string sheet = RosterSheets.KeyPosts;
        var c = new SheetCounter(sheet);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows)
        {
            if (run.Duplicate(seen, r.VillageCode, r.Row, sheet, RosterColumns.Village, RosterColumns.Village)) continue;
            if (run.Village(sheet, r.Row, RosterColumns.Village, r.VillageCode) is not { } village) continue;
            if (village.KeyPosts == r.Count) { c.Unchanged++; continue; }
            if (run.Try(sheet, r.Row, RosterColumns.KeyPosts, () => village.SetKeyPosts(r.Count)))
            {
                // A village this file creates gets its key posts as a new row; a stored one's change is an update.
                if (village.Id == 0) c.Added++;
                else
                {
                    run.ChangedUnits.Add(village);
                    c.Updated++;
                }
            }
        }
        return c.Result();
    }
}
