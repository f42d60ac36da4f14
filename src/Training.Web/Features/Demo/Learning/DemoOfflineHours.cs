using Training.Core.Domain;
using Training.Web.Features.Demo.Plan;

namespace Training.Web.Features.Demo.Learning;

/// <summary>
/// The demo's 线下学时 (issue 14): about four hundred records of training elsewhere for every
/// 45th 两委干部 of the real city (all eleven districts), one or two each, on days of this year and
/// last — 专题培训 of the district's organisation department, the township's party school, the city's
/// party school — each with its ledger entry, as staff would have entered them. Deterministic: same
/// day, same rows. The records are stored first; their entries name their ids (<see cref="AddCredits"/>).
/// </summary>
internal sealed class DemoOfflineHours(DemoStore store, DateOnly today)
{
    private const int Every = 45;

    public int Records => _records.Count;

    private readonly List<OfflineStudyRecord> _records = [];

    private sealed record Training(string Title, decimal Hours, bool Required, Func<OrgUnit, OrgUnit, string> Organizer);

    private static readonly Training[] Trainings =
    [
        new("学习贯彻党的二十届三中全会精神专题培训", 8, true, (district, _) => $"{district.Name}委组织部"),
        new("村（社区）“两委”干部履职能力提升专题培训", 16, true, (district, _) => $"{district.Name}委组织部"),
        new("基层党组织书记示范培训班", 24, true, (_, _) => "广州市委组织部"),
        new("党纪学习教育专题辅导", 4, true, (district, _) => $"{district.Name}纪委监委"),
        new("农村集体“三资”管理专题讲座", 3, false, (_, township) => $"{township.Name}党委"),
        new("乡村振兴产业发展现场教学", 6, false, (district, _) => $"{district.Name}农业农村局"),
        new("基层治理与矛盾纠纷化解专题培训", 4, false, (_, township) => $"{township.Name}党校"),
        new("新时代“枫桥经验”实践交流会", 2, false, (district, _) => $"{district.Name}委政法委"),
        new("村务公开与民主管理业务培训", 3.5m, true, (district, _) => $"{district.Name}民政局"),
        new("安全生产与消防知识讲座", 1.5m, false, (_, township) => $"{township.Name}应急管理办公室"),
        new("中共广州市委党校村干部轮训班", 40, true, (_, _) => "中共广州市委党校"),
        new("“百千万工程”专题研讨", 0.5m, false, (_, township) => $"{township.Name}党委"),
    ];

    /// <summary>The records (stored, so that they have ids before <see cref="AddCredits"/>).</summary>
    public void AddRecords(IReadOnlyList<(Person Person, ReserveCandidate? Reserve)> cityPeople, IReadOnlyDictionary<string, OrgUnit> units)
    {
        var r = new Random(DemoPlan.Seed ^ 0x0FF11E);
        var cadres = cityPeople.Select(p => p.Person).Where(p => p.IsTwoCommitteeCadreOn(today)).ToList();
        for (var i = 0; i < cadres.Count; i += Every)
        {
            var person = cadres[i];
            var village = person.Village.Code;
            var (district, township) = (units[village[..6]], units[village[..9]]);
            var count = r.Next(1, 3);
            var first = r.Next(Trainings.Length);
            for (var k = 0; k < count; k++)
            {
                var t = Trainings[(first + k * 5) % Trainings.Length];
                var on = r.NextDouble() < 0.75 ? DayThisYear(r) : DayLastYear(r);
                var record = OfflineStudyRecord.Record(person.Id, on, t.Hours, t.Required, t.Title, t.Organizer(district, township),
                    importRunId: null, DemoDevelopment.Actor, today, At(on));
                store.Add(record);
                _records.Add(record);
            }
        }
    }

    /// <summary>Each record's ledger entry (source 线下培训, source id the record's id).</summary>
    public void AddCredits()
    {
        foreach (var record in _records) store.Add(record.Credit());
    }

    private DateOnly DayThisYear(Random r)
    {
        var first = new DateOnly(today.Year, 1, 1);
        var days = today.DayNumber - first.DayNumber;
        return days <= 0 ? today : first.AddDays(r.Next(days));
    }

    private DateOnly DayLastYear(Random r) => new DateOnly(today.Year - 1, 1, 1).AddDays(r.Next(365));

    /// <summary>A day's instant: noon UTC, when the entry would have been made.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
}
