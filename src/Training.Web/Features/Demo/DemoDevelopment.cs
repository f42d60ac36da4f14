using Training.Core.Domain;
using Training.Web.Features.Demo.Plan;

namespace Training.Web.Features.Demo;

/// <summary>
/// Reserve development in the demo data (PRODUCT.md §10): 结对帮带 and 跟班学习 for reserves in
/// the pool today, village by village, and the city's and 白云区's 培训班 (real city only).
/// Built through the domain factories like everything else, dated relative to the seeding
/// day, and drawn from random generators of their own, so that the persons, posts and
/// reserves (and with them every 2019 figure) are exactly what they were without it.
/// </summary>
internal sealed class DemoDevelopment(DemoStore store, DateOnly today)
{
    public const string Actor = "演示数据（系统）";

    private static readonly string[] Departments = ["党政综合办公室", "党建工作办公室", "农业农村办公室", "社会事务办公室", "综治办"];
    private static readonly string[] Goals =
    [
        "熟悉村务管理和“四议两公开”议事程序，能独立组织一次村民议事会。",
        "掌握集体“三资”管理和村级财务公开要求，参与一次财务清理。",
        "参与网格化管理和矛盾纠纷调处，学会做群众工作。",
        "熟悉党组织生活制度，协助组织“三会一课”和主题党日活动。",
        "参与乡村振兴项目的谋划和实施，了解项目申报和验收流程。",
    ];
    private static readonly Dictionary<Rating, string[]> Comments = new()
    {
        [Rating.Excellent] = ["工作主动，能独立承担村务工作，群众评价好。", "学习认真，进步明显，已能牵头完成专项任务。"],
        [Rating.Good] = ["按计划参与村务工作，完成帮带任务较好。", "态度端正，熟悉了主要工作流程，群众工作方法还需积累。"],
        [Rating.Adequate] = ["基本完成帮带任务，主动性有待提高。"],
        [Rating.Poor] = ["参与村务工作较少，未达到帮带目标，需加强督促。"],
    };
    private static readonly string[] ShadowingComments =
        ["跟班期间遵守纪律，参与了科室日常工作，熟悉了镇（街）业务流程。", "学习主动，协助完成了专项工作，表现良好。", "完成跟班任务，对基层治理工作有了更深的认识。"];

    private readonly List<(Person Person, ReserveCandidate? Reserve)> _cityPeople = [];

    public int MentorPairs { get; private set; }
    public int Shadowings { get; private set; }
    public int Classes { get; private set; }
    /// <summary>The persons of the real city (the first copy), with their reserve records: classes and online learning draw from them.</summary>
    public IReadOnlyList<(Person Person, ReserveCandidate? Reserve)> CityPeople => _cityPeople;

    /// <summary>Pairs and shadowing for one village's reserves in the pool today (everyone already stored).</summary>
    public void AddVillage(VillagePlan plan, OrgUnit village, int copy, IReadOnlyList<(Person Person, ReserveCandidate? Reserve)> people)
    {
        var r = new Random(unchecked((int)(((uint)DemoPlan.Seed * 0x27D4EB2Fu) ^ ((uint)copy * 0x165667B1u) ^ ((uint)plan.Index * 0x9E3779B9u)) & 0x7FFFFFFF));
        if (copy == 0) _cityPeople.AddRange(people);
        var cadres = people.Select(p => p.Person).Where(p => p.Posts.Count > 0).ToList();
        var reserves = people.Where(p => p.Reserve is { State: ReserveState.InPool } x && x.InPoolOn < today.AddDays(-30))
            .Select(p => p.Reserve!).ToList();
        // The demo accounts of 汉塘村 and 人和镇 should see a running pair and an overdue one.
        var showcase = copy == 0 && village.Code == DemoData.VillageCode;
        var (active, overdue) = (0, 0);
        foreach (var reserve in reserves)
        {
            var pairRoll = r.NextDouble();
            var shadowRoll = r.NextDouble();
            var want = showcase && (active == 0 || overdue == 0)
                ? (active == 0 ? PairKind.Active : PairKind.Overdue)
                : pairRoll < 0.40 ? PairKind.Any : PairKind.None;
            if (want != PairKind.None && AddPair(reserve, cadres, want, r) is { } pair)
            {
                if (pair.IsOverdueOn(today)) overdue++;
                else if (pair.IsActiveOn(today)) active++;
            }
            if (shadowRoll < 0.15) AddShadowing(reserve, village.Parent!, r);
        }
    }

    private enum PairKind { None, Any, Active, Overdue }

    private MentorPair? AddPair(ReserveCandidate reserve, List<Person> cadres, PairKind kind, Random r)
    {
        var pooled = reserve.InPoolOn!.Value;
        var earliest = Max(pooled.AddDays(30), today.AddDays(-900));
        // A showcase pair runs today: started within the last year, planned for two.
        if (kind != PairKind.Any) earliest = Max(earliest, today.AddDays(-330));
        var latest = today.AddDays(kind == PairKind.Overdue ? -120 : -7);
        if (latest < earliest) return null;
        var start = earliest.AddDays(r.Next(latest.DayNumber - earliest.DayNumber + 1));
        var end = start.AddYears(kind != PairKind.Any || r.NextDouble() < 0.5 ? 2 : 1).AddDays(-1);

        // A cadre of the village serving on the first day (the party secretary if possible), and ideally still serving.
        var last = Min(end, today);
        var serving = cadres.Where(c => !ReferenceEquals(c, reserve.Person) && c.IsTwoCommitteeCadreOn(start)).ToList();
        if (serving.Count == 0) return null;
        var staying = serving.Where(c => c.IsTwoCommitteeCadreOn(last)).ToList();
        if (staying.Count > 0) serving = staying;
        var mentor = serving.FirstOrDefault(c => c.Posts.Any(p => p.Type == PostType.PartySecretary && p.IsHeldOn(start)))
            ?? serving[r.Next(serving.Count)];

        var pair = MentorPair.Start(reserve, mentor, start, end, Goals[r.Next(Goals.Length)], Actor, At(start), []);
        var overdue = kind == PairKind.Overdue || (kind == PairKind.Any && pair.IsActiveOn(today) && r.NextDouble() < 0.12);
        // Evaluations every 60–120 days; an overdue pair's stop more than 90 days ago, the others' are kept up to date.
        var stop = Min(last, overdue ? today.AddDays(-r.Next(95, 200)) : last);
        var on = start.AddDays(r.Next(60, 121));
        for (; on <= stop; on = on.AddDays(r.Next(60, 121))) Evaluate(pair, on, r);
        if (!overdue && pair.IsActiveOn(today) && (pair.LastEvaluatedOn ?? start) <= today.AddDays(-85))
            Evaluate(pair, today.AddDays(-r.Next(30)), r);
        if (overdue && !pair.IsOverdueOn(today)) return null; // started too late to be overdue: leave the reserve unpaired

        store.Add(pair);
        MentorPairs++;
        return pair;
    }

    private void Evaluate(MentorPair pair, DateOnly on, Random r)
    {
        var rating = Pick(r, (Rating.Good, 0.52), (Rating.Excellent, 0.35), (Rating.Adequate, 0.11), (Rating.Poor, 0.02));
        var texts = Comments[rating];
        pair.Evaluate(on, rating, texts[r.Next(texts.Length)], Actor, At(on), today);
    }

    private void AddShadowing(ReserveCandidate reserve, OrgUnit township, Random r)
    {
        var pooled = reserve.InPoolOn!.Value;
        var current = r.NextDouble() < 0.3;
        var start = current ? today.AddDays(-r.Next(0, 60)) : today.AddDays(-r.Next(60, 900));
        if (start < pooled) start = pooled;
        var end = current ? start.AddDays(r.Next(60, 180)) : Min(start.AddDays(r.Next(30, 180)), today.AddDays(-1));
        if (end < start || end < today && current) return;

        var shadowing = Training.Core.Domain.Shadowing.Record(reserve, township, Departments[r.Next(Departments.Length)], start, end, Actor, At(start), []);
        if (end < today)
        {
            var rating = Pick(r, (Rating.Good, 0.5), (Rating.Excellent, 0.38), (Rating.Adequate, 0.12));
            shadowing.Evaluate(rating, ShadowingComments[r.Next(ShadowingComments.Length)], Actor, At(end), today);
        }
        store.Add(shadowing);
        Shadowings++;
    }

    /// <summary>
    /// The city's 农村女干部培训班 running now and last year's, finished, and a 白云区 class that
    /// trainee-demo takes, each with its graduation conditions (<paramref name="setConditions"/>: the catalogue's to say).
    /// Sessions are stored first: attendance is taken by participant id.
    /// </summary>
    public List<TrainingClass> AddClasses(OrgUnit city, OrgUnit baiyun, Person trainee, Action<IReadOnlyList<TrainingClass>> setConditions)
    {
        var r = new Random(DemoPlan.Seed ^ 0x5A17C1A5);
        var classes = new List<TrainingClass>();

        var start = today.AddDays(-45);
        var women = TrainingClass.Create(city, $"{start.Year}年农村女干部培训班", start, start.AddDays(150), 60, Sex.Female,
            ClassAudience.CadresOrReserves, TrainingClass.DefaultCompletionPercent,
            "面向全市村（社区）女性两委干部和后备干部，提升履职能力和带富能力。", Actor, At(start));
        AddSessions(women, 0, 21, 42, 63, 84, 105);
        Enroll(women, r, 52, p => true, start);
        classes.Add(women);

        var before = new DateOnly(start.Year - 1, 4, 10);
        var finished = TrainingClass.Create(city, $"{before.Year}年农村女干部培训班", before, before.AddDays(170), 60, Sex.Female,
            ClassAudience.CadresOrReserves, TrainingClass.DefaultCompletionPercent,
            "面向全市村（社区）女性两委干部和后备干部。", Actor, At(before));
        AddSessions(finished, 0, 30, 60, 95, 130, 170);
        Enroll(finished, r, 58, p => true, before);
        classes.Add(finished);

        var from = today.AddDays(-20);
        var local = TrainingClass.Create(baiyun, $"{from.Year}年白云区村（社区）干部能力提升班", from, from.AddDays(80), 40, null,
            ClassAudience.Any, TrainingClass.DefaultCompletionPercent, "白云区组织，学员不限。", Actor, At(from));
        AddSessions(local, 0, 15, 30, 45, 60, 75);
        local.Enroll(trainee, [], Actor, from, At(from));
        Enroll(local, r, 33, p => baiyun.Contains(p.Person.Village), from);
        classes.Add(local);

        setConditions(classes);
        foreach (var c in classes) store.Add(c);
        Classes += classes.Count;
        return classes;
    }

    /// <summary>Attendance on every session held by today (the participants have their ids now).</summary>
    public void AddAttendance(List<TrainingClass> classes, Person trainee)
    {
        var r = new Random(DemoPlan.Seed ^ 0x0A77E4D5);
        foreach (var c in classes)
        {
            // Most come to nearly everything; about one in five misses enough not to complete.
            var keen = c.Participants.ToDictionary(p => p.Id, p => ReferenceEquals(p.Person, trainee) ? 1.0 : r.NextDouble() < 0.8 ? 0.95 : 0.5);
            foreach (var session in c.Sessions.Where(s => s.On <= today))
            {
                var present = c.Participants.Where(p => r.NextDouble() < keen[p.Id]).Select(p => p.Id).ToList();
                var changes = c.RecordAttendance(session, present, Actor, today, At(session.On));
                foreach (var mark in session.Attendance) store.Add(mark);
                // The ledger entry the portal writes for each participant marked present (8 学时 a full day).
                foreach (var change in changes.Where(x => x.Present))
                    store.Add(StudyLedgerEntry.Credit(change.Participant.PersonId, session.On, session.Hours, true, StudySource.Class, session.Id, Actor, At(session.On)));
            }
        }
    }

    private static void AddSessions(TrainingClass c, params int[] days)
    {
        string[] titles = ["开班式暨形势政策报告", "基层党组织建设", "乡村振兴与集体经济发展", "基层治理与矛盾纠纷化解", "现场教学", "结业式暨学习交流"];
        for (var i = 0; i < days.Length; i++) c.AddSession(c.StartOn.AddDays(days[i]), titles[i % titles.Length], i % titles.Length >= 4 ? SessionLength.HalfDay : SessionLength.FullDay);
    }

    /// <summary>Up to <paramref name="count"/> persons of the real city who meet every rule of the class on <paramref name="on"/>.</summary>
    private void Enroll(TrainingClass c, Random r, int count, Func<(Person Person, ReserveCandidate? Reserve), bool> where, DateOnly on)
    {
        var eligible = _cityPeople.Where(p => where(p) && (c.SexOnly is null || p.Person.Sex == c.SexOnly)
                && c.Participants.All(x => !ReferenceEquals(x.Person, p.Person))
                && (c.Audience == ClassAudience.Any || p.Person.IsTwoCommitteeCadreOn(on) || p.Reserve?.IsInPoolOn(on) == true))
            .ToList();
        for (var n = 0; n < count && eligible.Count > 0; n++)
        {
            var i = r.Next(eligible.Count);
            var (person, reserve) = eligible[i];
            eligible.RemoveAt(i);
            c.Enroll(person, reserve is null ? [] : [reserve], Actor, on, At(on));
        }
    }

    /// <summary>A day's instant: 10:00 in China, so that a rerun on the same day writes the same rows.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static T Pick<T>(Random r, params (T Value, double Weight)[] options)
    {
        var x = r.NextDouble();
        foreach (var (value, weight) in options)
        {
            x -= weight;
            if (x < 0) return value;
        }
        return options[^1].Value;
    }
}
