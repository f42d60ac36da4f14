using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

// Who studied, in which cohort, and what became of it.
internal sealed partial class DemoPlan
{
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
}
