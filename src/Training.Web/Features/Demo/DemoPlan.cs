using Training.Core.Domain;

namespace Training.Web.Features.Demo;

/// <summary>
/// Who is where and what happened to them, for the 2,851 real villages, before any entity
/// exists. The plan fixes every count that the 2019 figures depend on (cadres, secretaries,
/// education, enrollments, reserves) exactly, from one seeded <see cref="Random"/>; the
/// generator then gives each planned person a name and an ID number. Larger scales repeat the
/// plan in synthetic villages, so every figure scales exactly and every share stays the same.
/// </summary>
internal sealed class DemoPlan
{
    public const int Seed = 20191231;
    public static readonly DateOnly D = DemoData.ReportDate;

    // The 2019 targets, split into the groups the plan fills. Secretaries: 720 graduated by D
    // and 1,504 with a 大专+ base make 2,224 (78.0%); all cadres: 720 + 1,504 + 3,300 + 7,876
    // = 13,400 (67.0%). Participants: 6,880 cadres + 2,302 reserves + 1,883 party members
    // = 11,065; graduates: 720 + 3,300 + 640 + 573 = 5,233.
    private const int SecretaryGraduates = 720, SecretaryStudying = 260, SecretaryHigher = 1_504;
    private const int CadreGraduates = 3_300, CadreStudying = 2_600, CadreHigher = 7_876;
    private const int ReserveGraduates = 640, ReserveStudying = 1_662;
    private const int MemberGraduates = 573, MemberStudying = 1_310;
    private const int VillagesBelowRuleOnD = 342; // 12%

    private static readonly string[] ExitReasons = ["外出务工", "年龄超过规定", "本人申请退出", "考察不合格", "迁出本村"];

    private DemoPlan(List<VillagePlan> villages) => Villages = villages;

    public IReadOnlyList<VillagePlan> Villages { get; }

    public static DemoPlan Build(GuangzhouDivisions divisions)
    {
        var r = new Random(Seed);
        var villages = new List<VillagePlan>();
        var district = 0;
        foreach (var d in divisions.Districts)
        {
            foreach (var t in d.Children)
                foreach (var v in t.Children)
                    villages.Add(new VillagePlan(villages.Count, v.Code, district, OrgUnit.KindFromName(v.Name)));
            district++;
        }
        if (villages.Count != DemoData.Secretaries2019)
            throw new InvalidOperationException(
                $"行政区划数据应有 {DemoData.Secretaries2019} 个村社区（演示数据的 2019 年数字按此设定），现有 {villages.Count} 个。");

        var cadres = villages.Select(v => v.Kind == VillageKind.Village ? r.Next(6, 10) : r.Next(5, 9)).ToArray();
        AdjustToTotal(cadres, DemoData.TwoCommitteeCadres2019, 5, 10, r);
        var keyPosts = villages.Select(v => v.Kind == VillageKind.Village ? r.Next(2, 5) : r.Next(1, 4)).ToArray();
        AdjustToTotal(keyPosts, DemoData.KeyPosts, 1, 4, r);

        // A few villages where the day itself decides: a secretary who took office on D (appointed
        // from the pool that day) and one whose last day in office was D.
        var traineeVillage = villages.Single(v => v.Code == DemoData.VillageCode);
        var edges = Shuffled(villages.Where(v => v != traineeVillage).ToList(), r);
        for (var i = 0; i < 12; i++) edges[i].Edge = i < 6 ? EdgeCase.SecretaryStartsOnD : EdgeCase.SecretaryEndsOnD;

        foreach (var v in villages)
        {
            v.KeyPosts = keyPosts[v.Index];
            PlanCadres(v, cadres[v.Index], v == traineeVillage, r);
        }

        PlanEducation(villages, r);
        PlanReserves(villages, r);
        // Joined the pool in 2024: one more reserve today, none on D.
        traineeVillage.People.Add(new PersonPlan(PlanRole.Reserve)
        {
            Special = PlanSpecial.Registrable,
            Reserve = new ReservePlan(ReserveTarget.TwoCommittee, new DateOnly(2024, 3, 15)),
        });
        PlanParticipants(villages, r);
        PlanLaterStudy(villages, r);
        foreach (var p in villages.SelectMany(v => v.People)) FitBirthYears(p);
        return new DemoPlan(villages);
    }

    /// <summary>Admitted enrollments per cohort year and district (index in code order) at city scale.</summary>
    public int[,] AdmittedByYearAndDistrict(int districts)
    {
        var counts = new int[DemoCatalog.OpenYear - DemoCatalog.FirstYear + 1, districts];
        foreach (var v in Villages)
            foreach (var p in v.People)
                foreach (var e in p.Enrollments)
                    counts[e.Year - DemoCatalog.FirstYear, v.District]++;
        return counts;
    }

    private static void PlanCadres(VillagePlan v, int n, bool traineeVillage, Random r)
    {
        var e14 = new DateOnly(2014, 3, 1).AddDays(r.Next(75));
        var e17 = new DateOnly(2017, 3, 1).AddDays(r.Next(75));
        var e21 = new DateOnly(2021, 3, 1).AddDays(r.Next(75));

        // 一肩挑: the secretary also chairs the village committee in about half the villages.
        var oneShoulder = v.Edge == EdgeCase.None && r.NextDouble() < 0.45;
        var types = new List<PostType>[n];
        types[0] = oneShoulder ? [PostType.PartySecretary, PostType.CommitteeDirector] : [PostType.PartySecretary];
        var next = 1;
        if (!oneShoulder) types[next++] = [PostType.CommitteeDirector];
        var others = new List<PostType>();
        if (n >= 7 && r.NextDouble() < 0.5) others.Add(PostType.PartyDeputySecretary);
        others.AddRange([PostType.CommitteeDeputyDirector, PostType.PartyCommitteeMember, PostType.CommitteeMember, PostType.PartyCommitteeMember]);
        while (others.Count < n - next) others.Add(others.Count % 2 == 0 ? PostType.CommitteeMember : PostType.PartyCommitteeMember);
        for (var j = 0; next < n; next++, j++)
        {
            var type = others[j];
            types[next] = [type];
            // 交叉任职: a party committee member who also sits on the village committee.
            if (type == PostType.PartyCommitteeMember && r.NextDouble() < 0.4)
                types[next].Add(r.NextDouble() < 0.7 ? PostType.CommitteeMember : PostType.CommitteeDeputyDirector);
            else if (type == PostType.PartyDeputySecretary && r.NextDouble() < 0.3)
                types[next].Add(PostType.CommitteeDeputyDirector);
        }

        for (var i = 0; i < n; i++)
        {
            var p = new PersonPlan(PlanRole.Cadre) { IsSecretary = i == 0 };
            v.People.Add(p);
            var u = r.NextDouble();
            var since2014 = u < 0.25;
            var midTerm = u >= 0.9;
            var start = since2014 ? e14.AddDays(r.Next(3))
                : midTerm ? new DateOnly(2018, 1, 1).AddDays(r.Next(699))
                : e17.AddDays(r.Next(3));
            DateOnly? end = r.NextDouble() < 0.40 ? e21.AddDays(-1) : null;
            var predecessorRoll = r.NextDouble();
            var reserveRoll = r.NextDouble();
            if (traineeVillage && i == n - 1)
            {
                p.Special = PlanSpecial.Trainee;
                (since2014, midTerm, start, end) = (false, false, e17, null);
                predecessorRoll = reserveRoll = 1;
            }
            if (i == 0 && v.Edge == EdgeCase.SecretaryStartsOnD)
            {
                (since2014, midTerm, start, end) = (false, true, D, null);
                predecessorRoll = reserveRoll = 0;
            }
            if (i == 0 && v.Edge == EdgeCase.SecretaryEndsOnD) end = D;

            foreach (var type in types[i]) p.Posts.Add(new PostPlan(type, start, end));
            if (end is { } last)
                foreach (var type in types[i]) v.Successions.Add(new Succession(type, last.AddDays(1)));

            // The one who held the seat before: that post ended before this one started.
            DateOnly? predecessorFrom = null;
            if (!since2014 && predecessorRoll < (i == 0 ? 0.35 : 0.2))
                predecessorFrom = midTerm && r.NextDouble() < 0.5 ? e17 : e14;
            else if (since2014 && predecessorRoll < 0.12)
                predecessorFrom = new DateOnly(2011, 3, 1).AddDays(r.Next(75));
            if (predecessorFrom is { } from)
            {
                var former = new PersonPlan(PlanRole.FormerCadre)
                {
                    Base = Pick(r, (Education.JuniorOrBelow, 0.4), (Education.HighSchool, 0.45), (Education.Associate, 0.15)),
                    Political = r.NextDouble() < 0.9 ? PoliticalStatus.PartyMember : PoliticalStatus.Masses,
                    MaleShare = 0.85,
                    BirthFrom = 1960,
                    BirthTo = 1972,
                };
                former.Posts.Add(new PostPlan(types[i][0], from, start.AddDays(-1)));
                v.People.Add(former);
            }

            // Some took office from the reserve pool: their record left the pool that day.
            if (!since2014 && reserveRoll < 0.2)
            {
                var inPool = start.AddDays(-r.Next(200, 1000));
                p.Reserve = new ReservePlan(i == 0 ? ReserveTarget.Secretary : ReserveTarget.TwoCommittee, inPool)
                {
                    Leave = ReserveLeave.Appointed,
                    LeftOn = start,
                };
            }
        }
    }

    private static void PlanEducation(List<VillagePlan> villages, Random r)
    {
        var secretaries = Shuffled(villages.Select(v => v.People[0]).ToList(), r);
        Assign(secretaries, (EduCategory.Graduate, SecretaryGraduates), (EduCategory.Studying, SecretaryStudying), (EduCategory.Higher, SecretaryHigher));
        var cadres = Shuffled(villages.SelectMany(v => v.People)
            .Where(p => p.Role == PlanRole.Cadre && !p.IsSecretary && p.Special == PlanSpecial.None).ToList(), r);
        Assign(cadres, (EduCategory.Graduate, CadreGraduates), (EduCategory.Studying, CadreStudying), (EduCategory.Higher, CadreHigher));

        foreach (var p in villages.SelectMany(v => v.People).Where(p => p.Role == PlanRole.Cadre))
        {
            if (p.Special == PlanSpecial.Trainee) p.Category = EduCategory.Lower;
            p.Base = p.Category switch
            {
                EduCategory.Higher => Pick(r, (Education.Associate, 0.55), (Education.Bachelor, 0.38), (Education.Postgraduate, 0.07)),
                EduCategory.Lower when p.Special == PlanSpecial.None && r.NextDouble() >= 0.7 => Education.JuniorOrBelow,
                _ => Education.HighSchool,
            };
            p.Political = p.IsSecretary || r.NextDouble() < 0.85 ? PoliticalStatus.PartyMember
                : r.NextDouble() < 0.2 ? PoliticalStatus.ProbationaryMember : PoliticalStatus.Masses;
            p.MaleShare = p.IsSecretary ? 0.85 : 0.68;
            (p.BirthFrom, p.BirthTo) = p.Category switch
            {
                EduCategory.Higher => (1972, 1994),
                EduCategory.Lower => (1960, 1980),
                _ => (1963, 1992),
            };
            if (p.IsSecretary) (p.BirthFrom, p.BirthTo) = (Math.Max(p.BirthFrom, 1962), Math.Min(p.BirthTo, 1988));
        }
    }

    private static void PlanReserves(List<VillagePlan> villages, Random r)
    {
        // In the pool on D: 2 per key post where the village meets the rule, fewer in 12% of
        // villages; what those lack sits as a surplus elsewhere, so the city total is exactly 1:2.
        var below = Shuffled(villages.ToList(), r).Take(VillagesBelowRuleOnD).ToHashSet();
        var inPool = villages.Select(v => below.Contains(v) ? Math.Max(0, 2 * v.KeyPosts - 1 - r.Next(3)) : 2 * v.KeyPosts).ToArray();
        var missing = DemoData.ReservesInPool2019 - inPool.Sum();
        while (missing > 0)
        {
            var v = villages[r.Next(villages.Count)];
            if (below.Contains(v) || inPool[v.Index] >= 2 * v.KeyPosts + 3) continue;
            inPool[v.Index]++;
            missing--;
        }
        var secretaryReserves = inPool.Select(n => Math.Min(2, n)).ToArray();
        while (secretaryReserves.Sum() > DemoData.SecretaryReserves2019)
        {
            var i = r.Next(villages.Count);
            if (secretaryReserves[i] > 1) secretaryReserves[i]--;
        }
        while (secretaryReserves.Sum() < DemoData.SecretaryReserves2019)
        {
            var i = r.Next(villages.Count);
            if (secretaryReserves[i] < Math.Min(3, inPool[i])) secretaryReserves[i]++;
        }

        foreach (var v in villages)
        {
            var serving = Shuffled(v.People.Where(p => p.Role == PlanRole.Cadre && !p.IsSecretary
                && p.Special == PlanSpecial.None && p.Reserve is null).ToList(), r);
            for (var j = 0; j < inPool[v.Index]; j++)
            {
                var target = j < secretaryReserves[v.Index] ? ReserveTarget.Secretary : ReserveTarget.TwoCommittee;
                PersonPlan p;
                // A serving deputy or committee member as 书记后备; everyone else is not yet a cadre.
                if (target == ReserveTarget.Secretary && serving.Count > 0 && r.NextDouble() < 0.25)
                {
                    p = serving[^1];
                    serving.RemoveAt(serving.Count - 1);
                }
                else
                {
                    p = NewReservePerson(r);
                    v.People.Add(p);
                }
                var on = r.NextDouble() < 0.0015 ? D : new DateOnly(2015, 6, 1).AddDays(r.Next(1673));
                p.Reserve = new ReservePlan(target, on) { InPoolOnD = true };
                v.Pool.Add(p);
            }

            // Left the pool before D.
            if (r.NextDouble() < 0.35)
            {
                var p = NewReservePerson(r);
                var on = new DateOnly(2015, 1, 1).AddDays(r.Next(1200));
                p.Reserve = new ReservePlan(r.NextDouble() < 0.4 ? ReserveTarget.Secretary : ReserveTarget.TwoCommittee, on)
                {
                    Leave = ReserveLeave.Exited,
                    LeftOn = r.NextDouble() < 0.03 ? D : on.AddDays(r.Next(60, 500)),
                    Reason = ExitReasons[r.Next(ExitReasons.Length)],
                };
                v.People.Add(p);
            }

            PlanSuccessions(v, r);

            // After D: some reserves took office (above), some left; new ones came in, so that
            // today about 13% of villages are below 1:2 again.
            var today = r.NextDouble() < 0.13 ? Math.Max(0, 2 * v.KeyPosts - 1 - r.Next(3)) : 2 * v.KeyPosts + r.Next(3);
            var staying = v.Pool.Where(p => p.Reserve!.Leave == ReserveLeave.None).ToList();
            foreach (var p in staying.ToList())
                if (r.NextDouble() < 0.08) { ExitAfterD(p, r); staying.Remove(p); }
            while (staying.Count > today)
            {
                var p = staying[r.Next(staying.Count)];
                ExitAfterD(p, r);
                staying.Remove(p);
            }
            for (var j = staying.Count; j < today; j++)
            {
                var p = NewReservePerson(r);
                p.Reserve = new ReservePlan(r.NextDouble() < 0.4 ? ReserveTarget.Secretary : ReserveTarget.TwoCommittee,
                    new DateOnly(2020, 3, 1).AddDays(r.Next(2060)));
                v.People.Add(p);
            }
        }
    }

    /// <summary>Who took each seat that fell vacant after D: a reserve, a serving cadre, or a newcomer.</summary>
    private static void PlanSuccessions(VillagePlan v, Random r)
    {
        foreach (var s in v.Successions)
        {
            var u = r.NextDouble();
            var secretary = s.Type == PostType.PartySecretary;
            PersonPlan? who = null;
            if (u < (secretary ? 0.40 : 0.45))
            {
                var free = v.Pool.Where(p => p.Reserve!.Leave == ReserveLeave.None && (secretary || p.Role == PlanRole.Reserve)).ToList();
                var preferred = free.Where(p => p.Reserve!.Target == (secretary ? ReserveTarget.Secretary : ReserveTarget.TwoCommittee)).ToList();
                var from = preferred.Count > 0 ? preferred : free;
                if (from.Count > 0)
                {
                    who = from[r.Next(from.Count)];
                    who.Reserve!.Leave = ReserveLeave.Appointed;
                    who.Reserve.LeftOn = s.Start;
                }
            }
            else if (secretary && u < 0.65)
            {
                var serving = v.People.Where(p => p.Role == PlanRole.Cadre && !p.IsSecretary && p.Special == PlanSpecial.None
                    && p.Reserve is not { InPoolOnD: true } && p.Posts.All(x => x.Type != PostType.PartySecretary)).ToList();
                if (serving.Count > 0) who = serving[r.Next(serving.Count)];
            }
            if (who is null)
            {
                who = new PersonPlan(PlanRole.NewCadre)
                {
                    Base = Pick(r, (Education.HighSchool, 0.35), (Education.Associate, 0.45), (Education.Bachelor, 0.2)),
                    Political = r.NextDouble() < 0.8 ? PoliticalStatus.PartyMember : PoliticalStatus.Masses,
                    MaleShare = 0.65,
                    BirthFrom = 1978,
                    BirthTo = 1995,
                };
                v.People.Add(who);
            }
            who.Posts.Add(new PostPlan(s.Type, s.Start, null));
        }
    }

    private static void PlanParticipants(List<VillagePlan> villages, Random r)
    {
        var reserves = Shuffled(villages.SelectMany(v => v.Pool).Where(p => p.Role == PlanRole.Reserve).ToList(), r);
        Assign(reserves, (EduCategory.Graduate, ReserveGraduates), (EduCategory.Studying, ReserveStudying));
        for (var i = 0; i < MemberGraduates + MemberStudying; i++)
        {
            var p = NewMember(r);
            p.Category = i < MemberGraduates ? EduCategory.Graduate : EduCategory.Studying;
            villages[r.Next(villages.Count)].People.Add(p);
        }

        foreach (var p in villages.SelectMany(v => v.People))
        {
            if (p.Category is not (EduCategory.Graduate or EduCategory.Studying) || p.Role == PlanRole.Cadre) continue;
            p.Base = Education.HighSchool;
        }

        foreach (var p in villages.SelectMany(v => v.People))
        {
            if (p.Category == EduCategory.Graduate)
            {
                var year = PickYear(r, 2012, 0.17, 0.19, 0.20, 0.21, 0.23);
                PriorWithdrawal(p, year, r);
                var program = DemoCatalog.PickProgram(r, DegreeLevel.Associate);
                p.Enrollments.Add(new EnrollPlan(year, program, EnrollmentState.Graduated, DemoCatalog.GraduationDay(program, year)));
            }
            else if (p.Category == EduCategory.Studying)
            {
                var late = r.NextDouble() < 0.78;
                var year = late ? PickYear(r, 2017, 0.31, 0.33, 0.36) : PickYear(r, 2012, 0.17, 0.19, 0.20, 0.21, 0.23);
                PriorWithdrawal(p, year, r);
                var program = DemoCatalog.PickProgram(r, DegreeLevel.Associate);
                var admitted = DemoCatalog.AdmissionDay(year);
                // Still studying on D: most graduate in 2020–2022; the early ones withdrew.
                p.Enrollments.Add(late && r.NextDouble() < 0.86
                    ? new EnrollPlan(year, program, EnrollmentState.Graduated, DemoCatalog.GraduationDay(program, year))
                    : new EnrollPlan(year, program, EnrollmentState.Withdrawn, admitted.AddDays(late ? r.Next(90, 900) : r.Next(60, 600))));
            }
        }
    }

    private static void PriorWithdrawal(PersonPlan p, int year, Random r)
    {
        if (year <= 2012 || r.NextDouble() >= 0.03) return;
        var first = r.Next(2012, year);
        var program = DemoCatalog.PickProgram(r, DegreeLevel.Associate);
        p.Enrollments.Add(new EnrollPlan(first, program, EnrollmentState.Withdrawn, DemoCatalog.AdmissionDay(first).AddDays(r.Next(60, 365))));
    }

    /// <summary>Cohorts 2020–2025: 大专 for those with 高中/中专, 本科 for those with 大专, one at a time.</summary>
    private static void PlanLaterStudy(List<VillagePlan> villages, Random r)
    {
        foreach (var v in villages)
        {
            foreach (var p in v.People.ToList())
            {
                if (p.Special != PlanSpecial.None) continue;
                var last = p.Enrollments.Count > 0 ? p.Enrollments[^1] : (EnrollPlan?)null;
                var roll = r.NextDouble();
                switch (p.Category)
                {
                    case EduCategory.Graduate:
                        if (roll < 0.22) Later(p, DegreeLevel.Bachelor, 2020, r);
                        break;
                    case EduCategory.Studying:
                        if (last is { Outcome: EnrollmentState.Graduated } done && roll < 0.12)
                            Later(p, DegreeLevel.Bachelor, done.On!.Value.Year, r);
                        break;
                    default:
                        var from = p.Role switch
                        {
                            PlanRole.Cadre => 2020,
                            PlanRole.Reserve when p.Reserve is { Leave: ReserveLeave.Exited } x && x.LeftOn <= D => 9999,
                            PlanRole.Reserve => AfterYear(p.Reserve!.InPoolOn),
                            PlanRole.NewCadre => AfterYear(p.Posts[0].Start),
                            _ => 9999,
                        };
                        if (p.Base == Education.HighSchool && roll < (p.Role == PlanRole.Cadre ? 0.30 : 0.25))
                            Later(p, DegreeLevel.Associate, from, r);
                        else if (p.Base == Education.Associate && roll < (p.Role == PlanRole.Reserve ? 0.15 : 0.12))
                            Later(p, DegreeLevel.Bachelor, from, r);
                        break;
                }
            }

            // Party members the village recommended: some studying since 2020, some not yet applied.
            for (var i = r.Next(3); i > 0; i--)
            {
                var p = NewMember(r);
                v.People.Add(p);
                Later(p, DegreeLevel.Associate, 2020, r);
            }
            if (r.NextDouble() < 0.5)
            {
                var p = NewMember(r);
                p.Base = r.NextDouble() < 0.7 ? Education.HighSchool : Education.Associate;
                v.People.Add(p);
            }
        }
    }

    private static int AfterYear(DateOnly day) => Math.Max(2020, day.Month >= 9 ? day.Year + 1 : day.Year);

    private static void Later(PersonPlan p, DegreeLevel level, int fromYear, Random r)
    {
        var from = Math.Max(fromYear, DemoCatalog.BachelorFrom);
        if (from > DemoCatalog.LastEnrolledYear) return;
        var year = r.Next(from, DemoCatalog.LastEnrolledYear + 1);
        var program = DemoCatalog.PickProgram(r, level);
        p.Enrollments.Add(r.NextDouble() < 0.07
            ? new EnrollPlan(year, program, EnrollmentState.Withdrawn, DemoCatalog.AdmissionDay(year).AddDays(r.Next(90, 700)))
            : new EnrollPlan(year, program, EnrollmentState.Graduated, DemoCatalog.GraduationDay(program, year)));
    }

    private static void ExitAfterD(PersonPlan p, Random r)
    {
        p.Reserve!.Leave = ReserveLeave.Exited;
        p.Reserve.LeftOn = new DateOnly(2020, 2, 1).AddDays(r.Next(2100));
        p.Reserve.Reason = ExitReasons[r.Next(ExitReasons.Length)];
    }

    private static PersonPlan NewReservePerson(Random r) => new(PlanRole.Reserve)
    {
        Base = Pick(r, (Education.HighSchool, 0.40), (Education.Associate, 0.40), (Education.Bachelor, 0.18), (Education.Postgraduate, 0.02)),
        Political = Pick(r, (PoliticalStatus.PartyMember, 0.75), (PoliticalStatus.ProbationaryMember, 0.1), (PoliticalStatus.YouthLeagueMember, 0.1), (PoliticalStatus.Masses, 0.05)),
        MaleShare = 0.55,
        BirthFrom = 1982,
        BirthTo = 1998,
    };

    private static PersonPlan NewMember(Random r) => new(PlanRole.Member)
    {
        Recommended = true,
        Base = Education.HighSchool,
        Political = PoliticalStatus.PartyMember,
        MaleShare = 0.5,
        BirthFrom = 1970,
        BirthTo = 1996,
    };

    /// <summary>Old enough for everything planned: 21 at a first post, 20 at a first enrollment, 18 in the pool.</summary>
    private static void FitBirthYears(PersonPlan p)
    {
        var latest = p.BirthTo;
        foreach (var x in p.Posts) latest = Math.Min(latest, x.Start.Year - 21);
        foreach (var e in p.Enrollments) latest = Math.Min(latest, e.Year - 20);
        if (p.Reserve is { } rp) latest = Math.Min(latest, rp.InPoolOn.Year - 18);
        p.BirthTo = latest;
        p.BirthFrom = Math.Min(p.BirthFrom, latest);
    }

    private static void Assign(List<PersonPlan> people, params (EduCategory Category, int Count)[] groups)
    {
        var i = 0;
        foreach (var (category, count) in groups)
        {
            if (i + count > people.Count) throw new InvalidOperationException($"演示数据计划：{category} 需要 {count} 人，只有 {people.Count - i} 人。");
            for (var end = i + count; i < end; i++) people[i].Category = category;
        }
        for (; i < people.Count; i++)
            if (people[i].Role == PlanRole.Cadre) people[i].Category = EduCategory.Lower;
    }

    private static int PickYear(Random r, int first, params double[] weights)
    {
        var x = r.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return first + i;
        }
        return first + weights.Length - 1;
    }

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

    private static List<T> Shuffled<T>(List<T> list, Random r)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private static void AdjustToTotal(int[] values, int total, int min, int max, Random r)
    {
        while (values.Sum() != total)
        {
            var i = r.Next(values.Length);
            if (values.Sum() < total) { if (values[i] < max) values[i]++; }
            else if (values[i] > min) values[i]--;
        }
    }
}

internal enum PlanRole { Cadre = 1, FormerCadre, NewCadre, Reserve, Member }

/// <summary>Where a person stands in the 2019 education figures.</summary>
internal enum EduCategory
{
    Unplanned,
    Graduate, // graduated (大专) by D
    Studying, // admitted by D, not graduated by D
    Higher,   // recorded 大专 or higher, no study by D
    Lower,    // recorded below 大专, no study by D
}

internal enum PlanSpecial { None, Trainee, Registrable }

internal enum EdgeCase { None, SecretaryStartsOnD, SecretaryEndsOnD }

internal enum ReserveLeave { None, Appointed, Exited }

internal sealed class VillagePlan(int index, string code, int district, VillageKind kind)
{
    public int Index { get; } = index;
    public string Code { get; } = code;
    public int District { get; } = district;
    public VillageKind Kind { get; } = kind;
    public int KeyPosts { get; set; }
    public EdgeCase Edge { get; set; }
    public List<PersonPlan> People { get; } = [];
    /// <summary>Reserves in the pool on D.</summary>
    public List<PersonPlan> Pool { get; } = [];
    public List<Succession> Successions { get; } = [];
}

internal sealed class PersonPlan(PlanRole role)
{
    public PlanRole Role { get; } = role;
    public EduCategory Category { get; set; }
    public Education Base { get; set; } = Education.HighSchool;
    public PoliticalStatus Political { get; set; } = PoliticalStatus.PartyMember;
    public bool Recommended { get; init; }
    public double MaleShare { get; set; } = 0.7;
    public int BirthFrom { get; set; } = 1965;
    public int BirthTo { get; set; } = 1990;
    public bool IsSecretary { get; init; }
    public PlanSpecial Special { get; set; }
    public List<PostPlan> Posts { get; } = [];
    public List<EnrollPlan> Enrollments { get; } = [];
    public ReservePlan? Reserve { get; set; }
}

internal readonly record struct PostPlan(PostType Type, DateOnly Start, DateOnly? End);

/// <summary>An enrollment: admitted on 1 September of <see cref="Year"/>, then graduated or withdrawn <see cref="On"/>.</summary>
internal readonly record struct EnrollPlan(int Year, int Program, EnrollmentState Outcome, DateOnly? On);

internal sealed record Succession(PostType Type, DateOnly Start);

internal sealed class ReservePlan(ReserveTarget target, DateOnly inPoolOn)
{
    public ReserveTarget Target { get; } = target;
    public DateOnly InPoolOn { get; } = inPoolOn;
    public bool InPoolOnD { get; init; }
    public ReserveLeave Leave { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? Reason { get; set; }
}
