using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import.Roster.Sheets;

/// <summary>后备干部: candidates keyed by person and target; the state is applied as imported.</summary>
internal sealed class ReservesSheet() : RosterSheet<ReserveRow>(RosterSheets.Reserves)
{
    protected override ReserveRow? Parse(SheetRow row, RosterRun run) => RosterRows.Reserve(row, run.Today, run.Errors);

    public override IEnumerable<string> Codes => Rows.Select(r => r.VillageCode);

    public override IEnumerable<string> IdNumbers => Rows.Select(r => r.IdNumber);

    private readonly Dictionary<(int, ReserveTarget), ReserveCandidate> _stored = [];

    public override async Task LoadAsync(RosterRun run, CancellationToken ct)
    {
        var personIds = Rows.Select(r => run.Persons.GetValueOrDefault(r.IdNumber)?.Id ?? 0).Where(id => id != 0).Distinct();
        foreach (var chunk in personIds.Chunk(RosterRun.Chunk))
            foreach (var r in await run.Db.Reserves.Where(r => EF.Parameter(chunk).Contains(r.PersonId)).ToListAsync(ct))
                _stored.TryAdd((r.PersonId, r.Target), r);
    }

    public override SheetCounts Check(RosterRun run)
    {
        const string sheet = RosterSheets.Reserves;
        var c = new SheetCounter(sheet);
        var seen = new Dictionary<(string, ReserveTarget), int>();
        foreach (var r in Rows)
        {
            if (run.Duplicate(seen, (r.IdNumber, r.Target), r.Row, sheet, RosterColumns.IdNumber, RosterColumns.Key(RosterColumns.IdNumber, RosterColumns.Target))) continue;
            var person = run.PersonOf(sheet, r.Row, r.IdNumber);
            var village = run.Village(sheet, r.Row, RosterColumns.Village, r.VillageCode);
            if (person is null || village is null) continue;
            if (person.Id != 0 && _stored.TryGetValue((person.Id, r.Target), out var reserve))
            {
                var changed = run.Try(sheet, r.Row, RosterColumns.State, () => reserve.ApplyImport(village, r.State, r.InPoolOn, run.Today));
                if (changed is null) continue;
                if (changed.Value)
                {
                    run.ChangedReserves.Add(reserve);
                    c.Updated++;
                }
                else c.Unchanged++;
            }
            else
            {
                var candidate = run.Try(sheet, r.Row, RosterColumns.State, () => ReserveCandidate.Imported(person, village, r.Target, r.State, r.InPoolOn, run.Today));
                if (candidate is null) continue;
                run.NewReserves.Add(candidate);
                c.Added++;
            }
        }
        return c.Result();
    }
}
