using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

// Cadres, their posts, successions and recorded education.
internal sealed partial class DemoPlan
{
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
            if (i + count > people.Count) throw new InvalidOperationException(DemoTexts.PlanShort(category.ToString(), count, people.Count - i));
            for (var end = i + count; i < end; i++) people[i].Category = category;
        }
        for (; i < people.Count; i++)
            if (people[i].Role == PlanRole.Cadre) people[i].Category = EduCategory.Lower;
    }
}
