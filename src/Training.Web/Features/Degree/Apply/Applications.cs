using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Web.Features.Degree.Apply;

/// <summary>
/// A trainee's application as its pages show it: state, program, split, every step with its
/// comment, and from admission on what is owed, paid and outstanding. The caller passes a query
/// already restricted by <c>InScope(me)</c>.
/// </summary>
public static class Applications
{
    public sealed record View(
        int Id, int PersonId, int CohortId, int Year, string CohortName, DateOnly ApplyFrom, DateOnly ApplyTo,
        int ProgramId, string School, string Program, DegreeLevel Level, int DurationYears,
        EnrollmentState State, FeeSplit Split, Guid Version, DateTime CreatedAt, DateTime? SubmittedAt,
        DateOnly? AdmittedOn, DateOnly? GraduatedOn, DateOnly? WithdrawnOn, string? CertificateNumber,
        IReadOnlyList<Step> Steps, IReadOnlyList<Instalment> SelfPaid)
    {
        public long PaidFen => SelfPaid.Sum(p => p.AmountFen);
        public long OutstandingFen => Math.Max(0, Split.SelfPaidFen - PaidFen);
        public bool ShowsTuition => State.ReachedAdmission();
        public bool MayEdit => State == EnrollmentState.Draft;
        public bool MayCancel => State == EnrollmentState.Draft || State.IsUnderReview();

        /// <summary>The reviewer's step that sent it back, while it waits for the trainee's correction.</summary>
        public Step? Returned => State == EnrollmentState.Draft && Steps.Count > 0 && Steps[^1].Action == EnrollmentAction.Return ? Steps[^1] : null;

        public string ProgramLine => DegreeTexts.ProgramLine(School, Program, Level, DurationYears);
    }

    public sealed record Step(EnrollmentAction Action, EnrollmentState From, EnrollmentState To, string Actor, string Comment, DateOnly On, DateTime At);

    public sealed record Instalment(DateOnly PaidOn, long AmountFen, string ReceiptNumber);

    public static async Task<IReadOnlyList<View>> ReadAsync(IQueryable<Enrollment> scoped, CancellationToken ct)
    {
        var rows = await scoped.AsNoTracking()
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.Id, e.PersonId, e.CohortId, e.Year, CohortName = e.Cohort.Name, e.Cohort.ApplyFrom, e.Cohort.ApplyTo,
                e.ProgramId, School = e.Program.School.Name, Program = e.Program.Name, e.Level, e.Program.DurationYears,
                e.State, e.Split.TotalFen, e.Split.SubsidyFen, e.Split.WaiverFen, e.Split.SelfPaidFen, e.Version,
                e.CreatedAt, e.SubmittedAt, e.AdmittedOn, e.GraduatedOn, e.WithdrawnOn, e.CertificateNumber,
                Steps = e.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id)
                    .Select(t => new Step(t.Action, t.From, t.To, t.Actor, t.Comment, t.On, t.At)).ToList(),
                SelfPaid = e.Payments.Where(p => p.Kind == PaymentKind.SelfPaid).OrderBy(p => p.PaidOn).ThenBy(p => p.Id)
                    .Select(p => new Instalment(p.PaidOn, p.AmountFen, p.ReceiptNumber)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(r => new View(
                r.Id, r.PersonId, r.CohortId, r.Year, r.CohortName, r.ApplyFrom, r.ApplyTo,
                r.ProgramId, r.School, r.Program, r.Level, r.DurationYears,
                r.State, new FeeSplit(r.TotalFen, r.SubsidyFen, r.WaiverFen, r.SelfPaidFen), r.Version,
                r.CreatedAt, r.SubmittedAt, r.AdmittedOn, r.GraduatedOn, r.WithdrawnOn, r.CertificateNumber,
                r.Steps, r.SelfPaid))
            .ToList();
    }

    /// <summary>The person's active application or enrollment (at most one: a filtered unique index keeps it so).</summary>
    public static Task<int?> ActiveIdAsync(IQueryable<Enrollment> scoped, int personId, CancellationToken ct) =>
        scoped.AsNoTracking()
            .Where(Enrollment.IsActive).Where(e => e.PersonId == personId)
            .Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);

    /// <summary>Programs on offer in a cohort with the trainee's reasons per level (empty when eligible).</summary>
    public sealed record Offer(int FeeId, int CohortId, int ProgramId, string School, string Program, DegreeLevel Level, int DurationYears, FeeSplit Split)
    {
        public string Line => DegreeTexts.ProgramLine(School, Program, Level, DurationYears);
    }

    public static async Task<IReadOnlyList<Offer>> OffersAsync(IQueryable<FeeSchedule> fees, CancellationToken ct)
    {
        var rows = await fees.AsNoTracking()
            .OrderBy(f => f.Program.Level).ThenBy(f => f.Program.School.Name).ThenBy(f => f.Program.Name)
            .Select(f => new
            {
                f.Id, f.CohortId, f.ProgramId, School = f.Program.School.Name, Program = f.Program.Name, f.Program.Level, f.Program.DurationYears,
                f.Split.TotalFen, f.Split.SubsidyFen, f.Split.WaiverFen, f.Split.SelfPaidFen,
            })
            .ToListAsync(ct);
        return rows.Select(r => new Offer(r.Id, r.CohortId, r.ProgramId, r.School, r.Program, r.Level, r.DurationYears,
            new FeeSplit(r.TotalFen, r.SubsidyFen, r.WaiverFen, r.SelfPaidFen))).ToList();
    }
}
