using Training.Core.Domain;
using Training.Web.Features.Demo.Learning;
using Training.Web.Features.Demo.Plan;

namespace Training.Web.Features.Demo;

/// <summary>
/// Turns the plan into entities through the domain factories (so every rule of the domain is
/// checked on every row) and hands them to the store, village by village. Things planned
/// after the seeding day do not happen: a post starting later is not created, a graduation
/// later leaves the enrollment admitted (在读), and so on.
/// </summary>
internal sealed class DemoGenerator
{
    /// <summary>Codes 500–999 of each district are free for synthetic townships (real ones stop at 405).</summary>
    private const int FirstSyntheticTownship = 500;

    private readonly DemoPlan _plan;
    private readonly GuangzhouDivisions _divisions;
    private readonly DemoStore _store;
    private readonly DateOnly _today;
    private readonly DateTime _stamp;
    private readonly int _scale;
    private readonly DemoIdentities _identities = new();
    private readonly Dictionary<string, OrgUnit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VillagePlan> _villagePlans;
    private readonly Cohort[] _cohorts = new Cohort[DemoCatalog.OpenYear - DemoCatalog.FirstYear + 1];
    private readonly FeeSplit?[,] _fees;
    private StudyProgram[] _programs = [];
    private readonly DemoDevelopment _development;
    private List<TrainingClass> _classes = [];

    public DemoGenerator(DemoPlan plan, GuangzhouDivisions divisions, DemoStore store, DateOnly today, DateTime stamp, int scale)
    {
        _plan = plan;
        _divisions = divisions;
        _store = store;
        _today = today;
        _stamp = stamp;
        _scale = scale;
        _villagePlans = plan.Villages.ToDictionary(v => v.Code, StringComparer.Ordinal);
        _fees = new FeeSplit?[_cohorts.Length, DemoCatalog.Programs.Length];
        _development = new DemoDevelopment(store, today);
    }

    public int OrgUnits { get; private set; }
    public int Persons { get; private set; }
    public int Posts { get; private set; }
    public int Enrollments { get; private set; }
    public int Reserves { get; private set; }
    public School[] Schools { get; private set; } = [];
    public Person? Trainee { get; private set; }
    public int MentorPairs => _development.MentorPairs;
    public int Shadowings => _development.Shadowings;
    public int Classes => _development.Classes;

    public OrgUnit Unit(string code) => _units[code];

    /// <summary>广州市 and its real districts, townships and villages.</summary>
    public void AddRealUnits()
    {
        var city = OrgUnit.CreateCity(DemoData.CityCode, "广州市");
        AddUnit(city);
        foreach (var d in _divisions.Districts)
        {
            var district = AddUnit(OrgUnit.CreateChild(city, d.Code, d.Name));
            foreach (var t in d.Children)
            {
                var township = AddUnit(OrgUnit.CreateChild(district, t.Code, t.Name));
                foreach (var v in t.Children)
                {
                    var village = OrgUnit.CreateChild(township, v.Code, v.Name, OrgUnit.KindFromName(v.Name));
                    village.SetKeyPosts(_villagePlans[v.Code].KeyPosts);
                    AddUnit(village);
                }
            }
        }
    }

    /// <summary>Schools, programs and the cohorts 2012–2026 with quotas that fit the enrollments to come.</summary>
    public void AddCatalog()
    {
        Schools = DemoCatalog.Schools.Select(School.Create).ToArray();
        foreach (var s in Schools) _store.Add(s);
        _programs = DemoCatalog.Programs.Select(p => StudyProgram.Create(Schools[p.School], p.Name, p.Level, p.DurationYears)).ToArray();
        foreach (var p in _programs) _store.Add(p);

        var districts = _divisions.Districts.Select(d => _units[d.Code]).ToArray();
        var villagesPerDistrict = _divisions.Districts.Select(d => d.Children.Sum(t => t.Children.Count)).ToArray();
        var admitted = _plan.AdmittedByYearAndDistrict(districts.Length);
        for (var y = 0; y < _cohorts.Length; y++)
        {
            var year = DemoCatalog.FirstYear + y;
            var counts = Enumerable.Range(0, districts.Length).Select(i => admitted[y, i] * _scale).ToArray();
            var total = counts.Sum();
            var open = year == DemoCatalog.OpenYear;
            var cityQuota = open ? 1_600 * _scale : Math.Max(Cohort.MinimumCityQuota, (int)Math.Ceiling(total * 1.06 / 50) * 50);
            var (from, to) = open
                ? (_today.AddDays(-30), _today.AddDays(90))
                : (new DateOnly(year, 4, 1), new DateOnly(year, 5, 31));
            var cohort = Cohort.Create(year, "", from, to, cityQuota);
            for (var i = 0; i < districts.Length; i++)
            {
                var quota = open || total == 0
                    ? (int)((long)cityQuota * villagesPerDistrict[i] / villagesPerDistrict.Sum())
                    : counts[i] + (int)((long)(cityQuota - total) * counts[i] / total);
                cohort.SetDistrictQuota(districts[i], quota);
            }
            for (var p = 0; p < _programs.Length; p++)
            {
                if (DemoCatalog.Programs[p].FromYear > year) continue;
                _fees[y, p] = cohort.Offer(_programs[p], DemoCatalog.Fee(p, year)).Split;
            }
            _cohorts[y] = cohort;
            _store.Add(cohort);
        }
    }

    /// <summary>The real villages of one district (copy 0) or a synthetic copy of them.</summary>
    public IEnumerable<(OrgUnit Village, VillagePlan Plan)> VillagesOf(Division district, int copy)
    {
        if (copy == 0)
        {
            foreach (var t in district.Children)
                foreach (var v in t.Children)
                    yield return (_units[v.Code], _villagePlans[v.Code]);
            yield break;
        }

        // Synthetic townships under the real district: one per real township and copy at the
        // province scale; at the nation scale several copies share one township, as three
        // digits leave only 500 codes per district.
        var copies = _scale - 1;
        var group = GroupSize(district, copies);
        var first = (copy - 1) / group * group + 1;
        var last = Math.Min(copies, first + group - 1);
        var position = (copy - 1) % group;
        var districtUnit = _units[district.Code];
        for (var ti = 0; ti < district.Children.Count; ti++)
        {
            var t = district.Children[ti];
            var code = district.Code + (FirstSyntheticTownship + (copy - 1) / group * district.Children.Count + ti).ToString("D3");
            if (!_units.TryGetValue(code, out var township))
            {
                var name = group == 1 ? $"{t.Name}(副本{copy})" : $"{t.Name}(副本{first}-{last})";
                township = AddUnit(OrgUnit.CreateChild(districtUnit, code, name));
            }
            for (var vi = 0; vi < t.Children.Count; vi++)
            {
                var v = t.Children[vi];
                var villageCode = group == 1 ? code + v.Code[^3..] : code + (position * t.Children.Count + vi + 1).ToString("D3");
                var village = OrgUnit.CreateChild(township, villageCode, group == 1 ? v.Name : $"{v.Name}(副本{copy})", OrgUnit.KindFromName(v.Name));
                var plan = _villagePlans[v.Code];
                village.SetKeyPosts(plan.KeyPosts);
                _store.Add(village);
                OrgUnits++;
                yield return (village, plan);
            }
            if (position == group - 1 || copy == copies) _units.Remove(code);
        }
    }

    private static int GroupSize(Division district, int copies)
    {
        var most = district.Children.Count == 0 ? 1 : Math.Max(1, district.Children.Max(t => t.Children.Count));
        for (var g = 1; g * most <= 999; g++)
            if (district.Children.Count * ((copies + g - 1) / g) <= 1000 - FirstSyntheticTownship) return g;
        throw new InvalidOperationException(DemoTexts.TooManyCopies(district.Name));
    }

    /// <summary>The persons of one village with their posts, enrollments and reserve records.</summary>
    public void AddVillage(VillagePlan plan, OrgUnit village, string districtCode, int copy)
    {
        var stored = new List<(Person, ReserveCandidate?)>();
        var r = new Random(unchecked((int)(((uint)DemoPlan.Seed * 0x9E3779B1u) ^ ((uint)copy * 0x85EBCA77u) ^ ((uint)plan.Index * 0xC2B2AE3Du)) & 0x7FFFFFFF));
        foreach (var p in plan.People)
        {
            var reserve = p.Reserve is { } rp && rp.InPoolOn <= _today ? rp : null;
            var posts = p.Posts.Where(x => x.Start <= _today).ToList();
            var enrollments = p.Enrollments.Where(e => DemoCatalog.AdmissionDay(e.Year) <= _today).ToList();
            if (posts.Count == 0 && enrollments.Count == 0 && reserve is null && !p.Recommended) continue;

            string idNumber, name, phone;
            if (copy == 0 && p.Special == PlanSpecial.Trainee)
                (idNumber, name, phone) = (DemoData.TraineeIdNumber, DemoData.TraineeName, DemoData.TraineePhone);
            else if (copy == 0 && p.Special == PlanSpecial.Registrable)
                (idNumber, name, phone) = (DemoData.RegistrableIdNumber, DemoData.RegistrableName, DemoData.RegistrablePhone);
            else
            {
                var male = r.NextDouble() < p.MaleShare;
                idNumber = _identities.NewIdNumber(r, districtCode, p.BirthFrom, p.BirthTo, male);
                name = DemoIdentities.NewName(r, male);
                phone = DemoIdentities.NewPhone(r);
            }

            var person = Person.Register(idNumber, name, phone, p.Political, p.Base, village, _today, _stamp);
            if (p.Recommended) person.SetRecommendedByVillage(true);
            foreach (var x in posts) person.AddPost(village, x.Type, x.Start, x.End <= _today ? x.End : null);

            var rows = new List<object>();
            ReserveCandidate? candidate = null;
            foreach (var e in enrollments)
            {
                var graduated = e.Outcome == EnrollmentState.Graduated && e.On <= _today ? e.On : null;
                var withdrawn = e.Outcome == EnrollmentState.Withdrawn && e.On <= _today ? e.On : null;
                var state = graduated is not null ? EnrollmentState.Graduated
                    : withdrawn is not null ? EnrollmentState.Withdrawn
                    : EnrollmentState.Admitted;
                var y = e.Year - DemoCatalog.FirstYear;
                rows.Add(Enrollment.Historical(person, _cohorts[y], _programs[e.Program], _fees[y, e.Program]!, state, graduated, withdrawn, _stamp));
            }
            if (reserve is not null)
            {
                candidate = reserve.LeftOn is { } left && left <= _today && reserve.Leave is ReserveLeave.Appointed or ReserveLeave.Exited
                    ? ReserveCandidate.HistoricalLeft(person, reserve.Target, reserve.InPoolOn,
                        reserve.Leave == ReserveLeave.Appointed ? ReserveState.Appointed : ReserveState.Exited, left, reserve.Reason ?? "本人申请退出")
                    : ReserveCandidate.HistoricalInPool(person, reserve.Target, reserve.InPoolOn);
                rows.Add(candidate);
            }

            // The person first (with posts and education history, graduations included), then what points at it.
            _store.Add(person);
            foreach (var row in rows) _store.Add(row);
            Persons++;
            Posts += person.Posts.Count;
            Enrollments += enrollments.Count;
            if (reserve is not null) Reserves++;
            if (copy == 0 && p.Special == PlanSpecial.Trainee) Trainee = person;
            stored.Add((person, candidate));
        }
        _development.AddVillage(plan, village, copy, stored);
    }

    /// <summary>The real city's training classes (after all its villages); attendance follows once participants have ids.</summary>
    public void AddClasses() =>
        _classes = _development.AddClasses(_units[DemoData.CityCode], _units[DemoData.BaiyunCode], Trainee!, Learning.SetConditions);

    public void AddAttendance() => _development.AddAttendance(_classes, Trainee!);

    public DemoLearning Learning { get; private set; } = null!;

    public void AddCourses(DemoFiles files)
    {
        Learning = new DemoLearning(_store, _today);
        Learning.AddCourses(_units, files);
    }

    public void AddStudyProgress()
    {
        Learning.AddQuestions();
        Learning.AddAssignments(_units, _classes);
        Learning.AddProgress(_development.CityPeople, Trainee!);
    }

    public DemoOfflineHours Offline { get; private set; } = null!;

    /// <summary>线下学时 records of the real city's cadres; their ledger entries follow once the records have ids (<see cref="AddOfflineCredits"/>).</summary>
    public void AddOfflineHours()
    {
        Offline = new DemoOfflineHours(_store, _today);
        Offline.AddRecords(_development.CityPeople, _units);
    }

    public void AddOfflineCredits() => Offline.AddCredits();
    public int Notices { get; private set; }

    /// <summary>The demo's 通知公告 (<see cref="DemoNotices"/>).</summary>
    public void AddNotices(DemoFiles files) => Notices = DemoNotices.Add(_store, _units, files, _today);

    private OrgUnit AddUnit(OrgUnit unit)
    {
        _units.Add(unit.Code, unit);
        _store.Add(unit);
        OrgUnits++;
        return unit;
    }
}
