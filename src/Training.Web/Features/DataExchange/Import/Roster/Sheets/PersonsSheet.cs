using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import.Roster.Sheets;

/// <summary>人员: persons upserted by ID number, in a village; contact, village and base education updated.</summary>
internal sealed class PersonsSheet() : RosterSheet<PersonRow>(RosterSheets.Persons)
{
    protected override PersonRow? Parse(SheetRow row, RosterRun run) => RosterRows.Person(row, run.Today, run.Errors);

    protected override void BadKey(SheetRow row, RosterRun run)
    {
        if (RosterRows.RawId(row) is { } id) run.BadIds.Add(id);
    }

    public override IEnumerable<string> Codes => Rows.Select(r => r.VillageCode);

    public override IEnumerable<string> IdNumbers => Rows.Select(r => r.IdNumber);

    public override SheetCounts Check(RosterRun run)
    {
        const string sheet = RosterSheets.Persons;
        var c = new SheetCounter(sheet);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows)
        {
            if (run.Duplicate(seen, r.IdNumber, r.Row, sheet, RosterColumns.IdNumber, RosterColumns.IdNumber)) continue;
            if (run.Village(sheet, r.Row, RosterColumns.HomeVillage, r.VillageCode) is not { } village) continue;
            if (run.Persons.TryGetValue(r.IdNumber, out var person))
            {
                var sameVillage = ReferenceEquals(person.Village, village) || (village.Id != 0 && person.VillageId == village.Id);
                if (person.Name == r.Name && person.Phone == r.Phone && person.PoliticalStatus == r.Political
                    && person.BaseEducation == r.Education && sameVillage)
                {
                    c.Unchanged++;
                    continue;
                }
                run.Try(sheet, r.Row, RosterColumns.PersonName, () =>
                {
                    person.UpdateContact(r.Name, r.Phone, r.Political);
                    if (!sameVillage) person.MoveTo(village);
                    if (person.BaseEducation != r.Education) person.CorrectBaseEducation(r.Education, ImportTexts.RosterActor, run.Now);
                });
                run.ChangedPersons.Add(person);
                c.Updated++;
            }
            else
            {
                var created = run.Try(sheet, r.Row, RosterColumns.IdNumber, () =>
                    Person.Register(r.IdNumber, r.Name, r.Phone, r.Political, r.Education, village, run.Today, run.Now));
                if (created is null) continue;
                run.Persons[r.IdNumber] = created;
                run.NewPersons.Add(created);
                c.Added++;
            }
        }
        return c.Result();
    }
}
