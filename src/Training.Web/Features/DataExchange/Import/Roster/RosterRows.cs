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
        if (name is { Length: > 100 }) errors.Add(r.Error(RosterColumns.Name, "组织名称不能超过 100 个字"));
        if (level is { } l)
        {
            if (code is not null && (code.Length != l.CodeLength() || !code.All(char.IsAsciiDigit)))
                errors.Add(r.Error(RosterColumns.Code, $"{l.Name()}代码应为 {l.CodeLength()} 位数字，“{code}”不符合"));
            if (l == OrgLevel.City && parent is not null)
                errors.Add(r.Error(RosterColumns.ParentCode, "市没有上级，上级代码应留空"));
            if (l != OrgLevel.City && parent is null)
                errors.Add(r.Error(RosterColumns.ParentCode, "不能为空"));
            if (l == OrgLevel.Village && kind is null && r.Text(RosterColumns.Kind) is null)
                errors.Add(r.Error(RosterColumns.Kind, "村社区必须填写类型：村、社区"));
            if (l != OrgLevel.Village && r.Text(RosterColumns.Kind) is { } k)
                errors.Add(r.Error(RosterColumns.Kind, $"只有村社区填写类型，{l.Name()}应留空（现为“{k}”）"));
        }
        return errors.Count > before ? null : new OrgRow(r.Number, code!, name!, level!.Value, parent, kind);
    }

    public static PersonRow? Person(SheetRow r, DateOnly today, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = Id(r, today, errors);
        var name = r.Required(RosterColumns.PersonName, errors);
        if (name is { Length: > 50 }) errors.Add(r.Error(RosterColumns.PersonName, "姓名不能超过 50 个字"));
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
        if (start is null && r.Text(RosterColumns.PostStart) is null) errors.Add(r.Error(RosterColumns.PostStart, "不能为空"));
        var end = r.Date(RosterColumns.PostEnd, errors);
        if (start is not null && end is not null && end < start)
            errors.Add(r.Error(RosterColumns.PostEnd, $"离任日期 {end:yyyy-MM-dd} 早于任职日期 {start:yyyy-MM-dd}"));
        return errors.Count > before ? null : new PostRow(r.Number, id!, village!, type!.Value, start!.Value, end);
    }

    public static EnrollmentRow? Enrollment(SheetRow r, DateOnly today, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = Id(r, today, errors);
        var year = r.Integer(RosterColumns.Year, errors);
        if (year is null && r.Text(RosterColumns.Year) is null) errors.Add(r.Error(RosterColumns.Year, "不能为空"));
        if (year is not null && (year < 2000 || year > today.Year))
            errors.Add(r.Error(RosterColumns.Year, $"年度应为 2000 到 {today.Year} 之间的年份，“{year}”不符合"));
        var level = Required(r, RosterColumns.DegreeLevel, DegreeLevels, errors);
        var school = r.Required(RosterColumns.School, errors);
        var program = r.Required(RosterColumns.Program, errors);
        if (school is { Length: > 100 }) errors.Add(r.Error(RosterColumns.School, "院校名称不能超过 100 个字"));
        if (program is { Length: > 100 }) errors.Add(r.Error(RosterColumns.Program, "专业名称不能超过 100 个字"));
        var state = Required(r, RosterColumns.State, EnrollmentStates, errors);
        var graduated = r.Date(RosterColumns.GraduatedOn, errors);
        if (state == EnrollmentState.Graduated && graduated is null && r.Text(RosterColumns.GraduatedOn) is null)
            errors.Add(r.Error(RosterColumns.GraduatedOn, "状态为已毕业时必须填写毕业日期"));
        if (graduated is not null && year is not null && graduated < new DateOnly(year.Value, 9, 1) && state is EnrollmentState.Graduated or EnrollmentState.Withdrawn)
            errors.Add(r.Error(RosterColumns.GraduatedOn, $"{(state == EnrollmentState.Graduated ? "毕业" : "退学")}日期 {graduated:yyyy-MM-dd} 早于入学日期 {year}-09-01"));
        if (graduated > today) errors.Add(r.Error(RosterColumns.GraduatedOn, "毕业日期不能晚于今天"));
        var total = Amount(r, RosterColumns.Total, errors);
        var subsidy = Amount(r, RosterColumns.Subsidy, errors);
        var waiver = Amount(r, RosterColumns.Waiver, errors);
        var self = Amount(r, RosterColumns.SelfPaid, errors);
        FeeSplit? split = null;
        if (total is not null && subsidy is not null && waiver is not null && self is not null)
        {
            if (subsidy + waiver + self != total)
                errors.Add(r.Error(RosterColumns.Total,
                    $"财政补助 {Money.ToYuan(subsidy.Value)} + 学校减免 {Money.ToYuan(waiver.Value)} + 个人自付 {Money.ToYuan(self.Value)} = {Money.ToYuan(subsidy.Value + waiver.Value + self.Value)}，不等于学费总额 {Money.ToYuan(total.Value)}"));
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
            errors.Add(r.Error(RosterColumns.InPoolOn, $"状态为{state.Value.Name()}时必须填写入库日期"));
        if (state is not null && !pooled && date is not null)
            errors.Add(r.Error(RosterColumns.InPoolOn, $"状态为{state.Value.Name()}的后备人选尚未入库，入库日期应留空"));
        if (date > today) errors.Add(r.Error(RosterColumns.InPoolOn, "入库日期不能晚于今天"));
        return errors.Count > before ? null : new ReserveRow(r.Number, id!, village!, target!.Value, state!.Value, date);
    }

    public static KeyPostRow? KeyPost(SheetRow r, List<ImportError> errors)
    {
        var before = errors.Count;
        var village = r.Required(RosterColumns.Village, errors);
        var count = r.Integer(RosterColumns.KeyPosts, errors);
        if (count is null && r.Text(RosterColumns.KeyPosts) is null) errors.Add(r.Error(RosterColumns.KeyPosts, "不能为空"));
        if (count is < 0 or > 50) errors.Add(r.Error(RosterColumns.KeyPosts, $"关键岗位数应在 0 到 50 之间，“{count}”不符合"));
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
            errors.Add(r.Error(column, $"不能为空，应为：{string.Join("、", names.Keys)}"));
            return null;
        }
        return r.OneOf(column, names, errors);
    }

    private static long? Amount(SheetRow r, string column, List<ImportError> errors)
    {
        var fen = r.Fen(column, errors);
        if (fen is null && r.Text(column) is null) errors.Add(r.Error(column, "不能为空（没有请填 0）"));
        return fen;
    }

    private static string Trim(string message) => message.TrimEnd('。');
}
