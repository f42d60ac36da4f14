using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

// The reserve pool: who enters it, when, and how they leave.
internal sealed partial class DemoPlan
{
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
}
