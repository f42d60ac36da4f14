using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import.Roster;

// The rows of the roster sheets as typed values: each sheet is read once into these, every
// cell checked on its own (dates, enumerations, ID check characters, amounts); what needs the
// database or another sheet (codes, persons, duplicates) is checked afterwards.

internal sealed record OrgRow(int Row, string Code, string Name, OrgLevel Level, string? ParentCode, VillageKind? Kind);

internal sealed record PersonRow(int Row, string IdNumber, string Name, string? Phone, PoliticalStatus Political, Education Education, string VillageCode);

internal sealed record PostRow(int Row, string IdNumber, string VillageCode, PostType Type, DateOnly Start, DateOnly? End);

internal sealed record EnrollmentRow(
    int Row, string IdNumber, int Year, DegreeLevel Level, string School, string Program,
    EnrollmentState State, DateOnly? GraduatedOn, FeeSplit Split)
{
    /// <summary>
    /// 学历教育 has one date column: on an 已退学 row it is the day of withdrawal (as on the
    /// graduation list); empty, the withdrawal is dated on the admission day (PRODUCT.md §8).
    /// </summary>
    public DateOnly? WithdrawnOn => State == EnrollmentState.Withdrawn ? GraduatedOn : null;
}

internal sealed record ReserveRow(int Row, string IdNumber, string VillageCode, ReserveTarget Target, ReserveState State, DateOnly? InPoolOn);

internal sealed record KeyPostRow(int Row, string VillageCode, int Count);

/// <summary>Cell-level reading of the six sheets; a row with any bad cell yields null and its errors.</summary>
internal static class RosterRows
{
    public static readonly IReadOnlyDictionary<string, OrgLevel> Levels = Names(
        [OrgLevel.City, OrgLevel.District, OrgLevel.Township, OrgLevel.Village], l => l.Name());
    public static readonly IReadOnlyDictionary<string, VillageKind> Kinds = Names([VillageKind.Village, VillageKind.Community], k => k.Name());
    public static readonly IReadOnlyDictionary<string, PoliticalStatus> Politicals = Names(PoliticalStatusNames.All.Select(x => x.Value), x => x.Name());
    public static readonly IReadOnlyDictionary<string, Education> Educations = Names(EducationNames.All.Select(x => x.Value), x => x.Name());
    public static readonly IReadOnlyDictionary<string, PostType> PostTypes = Names(PostTypeNames.All.Select(x => x.Value), x => x.Name());
    public static readonly IReadOnlyDictionary<string, DegreeLevel> DegreeLevels = Names([DegreeLevel.Associate, DegreeLevel.Bachelor], x => x.Name());
    public static readonly IReadOnlyDictionary<string, EnrollmentState> EnrollmentStates =
        Names([EnrollmentState.Admitted, EnrollmentState.Graduated, EnrollmentState.Withdrawn], x => x.Name());
    public static readonly IReadOnlyDictionary<string, ReserveTarget> ReserveTargets = Names([ReserveTarget.Secretary, ReserveTarget.TwoCommittee], x => x.Name());
    public static readonly IReadOnlyDictionary<string, ReserveState> ReserveStates = Names(
        [ReserveState.Recommended, ReserveState.Selected, ReserveState.InPool, ReserveState.Appointed, ReserveState.Exited], x => x.Name());

    private static Dictionary<string, T> Names<T>(IEnumerable<T> values, Func<T, string> name) where T : notnull =>
        values.ToDictionary(name, v => v, StringComparer.Ordinal);

    public static OrgRow? Org(SheetRow r, List<ImportError> errors)
    {
        var before = errors.Count;
        var code = r.Required(RosterColumns.Code, errors);
        var name = r.Required(RosterColumns.Name, errors);
        var level = Required(r, RosterColumns.Level, Levels, errors);
        var parent = r.Text(RosterColumns.ParentCode);
        var kind = r.OneOf(RosterColumns.Kind, Kinds, errors);
        if (name is { Length: > 100 }) errors.Add(r.Error(RosterColumns.Name, ImportTexts.OrgNameTooLong));
        if (level is { } l)
        {
            if (code is not null && (code.Length != l.CodeLength() || !code.All(char.IsAsciiDigit)))
                errors.Add(r.Error(RosterColumns.Code, ImportTexts.BadCode(l, l.CodeLength(), code)));
            if (l == OrgLevel.City && parent is not null)
                errors.Add(r.Error(RosterColumns.ParentCode, ImportTexts.CityHasNoParent));
            if (l != OrgLevel.City && parent is null)
                errors.Add(r.Error(RosterColumns.ParentCode, ImportTexts.Required));
            if (l == OrgLevel.Village && kind is null && r.Text(RosterColumns.Kind) is null)
                errors.Add(r.Error(RosterColumns.Kind, ImportTexts.VillageNeedsKind));
            if (l != OrgLevel.Village && r.Text(RosterColumns.Kind) is { } k)
                errors.Add(r.Error(RosterColumns.Kind, ImportTexts.OnlyVillagesHaveKind(l, k)));
        }
        return errors.Count > before ? null : new OrgRow(r.Number, code!, name!, level!.Value, parent, kind);
    }

    public static PersonRow? Person(SheetRow r, DateOnly today, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = Id(r, today, errors);
        var name = r.Required(RosterColumns.PersonName, errors);
        if (name is { Length: > 50 }) errors.Add(r.Error(RosterColumns.PersonName, ImportTexts.PersonNameTooLong));
        if (!Phone.TryNormalize(r.Text(RosterColumns.Phone), out var phone, out var phoneError))
            errors.Add(r.Error(RosterColumns.Phone, Trim(phoneError!)));
        var political = Required(r, RosterColumns.Political, Politicals, errors);
        var education = Required(r, RosterColumns.Education, Educations, errors);
        var village = r.Required(RosterColumns.HomeVillage, errors);
        return errors.Count > before ? null : new PersonRow(r.Number, id!, name!, phone, political!.Value, education!.Value, village!);
    }

    public static PostRow? Post(SheetRow r, DateOnly today, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = Id(r, today, errors);
        var village = r.Required(RosterColumns.Village, errors);
        var type = Required(r, RosterColumns.Post, PostTypes, errors);
        var start = r.Date(RosterColumns.PostStart, errors);
        if (start is null && r.Text(RosterColumns.PostStart) is null) errors.Add(r.Error(RosterColumns.PostStart, ImportTexts.Required));
        var end = r.Date(RosterColumns.PostEnd, errors);
        if (start is not null && end is not null && end < start)
            errors.Add(r.Error(RosterColumns.PostEnd, ImportTexts.EndBeforeStart(end, start)));
        return errors.Count > before ? null : new PostRow(r.Number, id!, village!, type!.Value, start!.Value, end);
    }

    public static EnrollmentRow? Enrollment(SheetRow r, DateOnly today, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = Id(r, today, errors);
        var year = r.Integer(RosterColumns.Year, errors);
        if (year is null && r.Text(RosterColumns.Year) is null) errors.Add(r.Error(RosterColumns.Year, ImportTexts.Required));
        if (year is not null && (year < 2000 || year > today.Year))
            errors.Add(r.Error(RosterColumns.Year, ImportTexts.BadYear(today.Year, year)));
        var level = Required(r, RosterColumns.DegreeLevel, DegreeLevels, errors);
        var school = r.Required(RosterColumns.School, errors);
        var program = r.Required(RosterColumns.Program, errors);
        if (school is { Length: > 100 }) errors.Add(r.Error(RosterColumns.School, ImportTexts.SchoolNameTooLong));
        if (program is { Length: > 100 }) errors.Add(r.Error(RosterColumns.Program, ImportTexts.ProgramNameTooLong));
        var state = Required(r, RosterColumns.State, EnrollmentStates, errors);
        var graduated = r.Date(RosterColumns.GraduatedOn, errors);
        if (state == EnrollmentState.Graduated && graduated is null && r.Text(RosterColumns.GraduatedOn) is null)
            errors.Add(r.Error(RosterColumns.GraduatedOn, ImportTexts.GraduatedNeedsDate));
        if (graduated is not null && year is not null && graduated < new DateOnly(year.Value, 9, 1) && state is EnrollmentState.Graduated or EnrollmentState.Withdrawn)
            errors.Add(r.Error(RosterColumns.GraduatedOn, ImportTexts.EndedBeforeAdmission(state!.Value, graduated, year)));
        if (graduated > today) errors.Add(r.Error(RosterColumns.GraduatedOn, ImportTexts.GraduatedAfterToday));
        var total = Amount(r, RosterColumns.Total, errors);
        var subsidy = Amount(r, RosterColumns.Subsidy, errors);
        var waiver = Amount(r, RosterColumns.Waiver, errors);
        var self = Amount(r, RosterColumns.SelfPaid, errors);
        FeeSplit? split = null;
        if (total is not null && subsidy is not null && waiver is not null && self is not null)
        {
            if (subsidy + waiver + self != total)
                errors.Add(r.Error(RosterColumns.Total,
                    ImportTexts.SplitDoesNotAdd(subsidy.Value, waiver.Value, self.Value, total.Value)));
            else split = new FeeSplit(total.Value, subsidy.Value, waiver.Value, self.Value);
        }
        return errors.Count > before
            ? null
            : new EnrollmentRow(r.Number, id!, year!.Value, level!.Value, school!, program!, state!.Value,
                state is EnrollmentState.Graduated or EnrollmentState.Withdrawn ? graduated : null, split!);
    }

    public static ReserveRow? Reserve(SheetRow r, DateOnly today, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = Id(r, today, errors);
        var village = r.Required(RosterColumns.Village, errors);
        var target = Required(r, RosterColumns.Target, ReserveTargets, errors);
        var state = Required(r, RosterColumns.State, ReserveStates, errors);
        var date = r.Date(RosterColumns.InPoolOn, errors);
        var pooled = state is ReserveState.InPool or ReserveState.Appointed or ReserveState.Exited;
        if (state is not null && pooled && date is null && r.Text(RosterColumns.InPoolOn) is null)
            errors.Add(r.Error(RosterColumns.InPoolOn, ImportTexts.InPoolNeedsDate(state.Value)));
        if (state is not null && !pooled && date is not null)
            errors.Add(r.Error(RosterColumns.InPoolOn, ImportTexts.NotYetInPool(state.Value)));
        if (date > today) errors.Add(r.Error(RosterColumns.InPoolOn, ImportTexts.InPoolAfterToday));
        return errors.Count > before ? null : new ReserveRow(r.Number, id!, village!, target!.Value, state!.Value, date);
    }

    public static KeyPostRow? KeyPost(SheetRow r, List<ImportError> errors)
    {
        var before = errors.Count;
        var village = r.Required(RosterColumns.Village, errors);
        var count = r.Integer(RosterColumns.KeyPosts, errors);
        if (count is null && r.Text(RosterColumns.KeyPosts) is null) errors.Add(r.Error(RosterColumns.KeyPosts, ImportTexts.Required));
        if (count is < 0 or > 50) errors.Add(r.Error(RosterColumns.KeyPosts, ImportTexts.BadKeyPosts(count)));
        return errors.Count > before ? null : new KeyPostRow(r.Number, village!, count!.Value);
    }

    /// <summary>The normalised ID number (upper-case X), or null with ResidentId's message.</summary>
    private static string? Id(SheetRow r, DateOnly today, List<ImportError> errors)
    {
        var text = r.Text(RosterColumns.IdNumber);
        if (ResidentId.TryParse(text, today, out var id, out var error)) return id.Value;
        errors.Add(r.Error(RosterColumns.IdNumber, Trim(error)));
        return null;
    }

    /// <summary>The raw ID text as it would be keyed (upper case), for rows that failed: their persons are not "missing".</summary>
    public static string? RawId(SheetRow r) => r.Text(RosterColumns.IdNumber)?.ToUpperInvariant();

    private static T? Required<T>(SheetRow r, string column, IReadOnlyDictionary<string, T> names, List<ImportError> errors) where T : struct
    {
        if (r.Text(column) is null)
        {
            errors.Add(r.Error(column, ImportTexts.RequiredOneOf(names.Keys)));
            return null;
        }
        return r.OneOf(column, names, errors);
    }

    private static long? Amount(SheetRow r, string column, List<ImportError> errors)
    {
        var fen = r.Fen(column, errors);
        if (fen is null && r.Text(column) is null) errors.Add(r.Error(column, ImportTexts.RequiredAmount));
        return fen;
    }

    private static string Trim(string message) => message.TrimEnd('。');
}
