using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Degree.Enrollments;

/// <summary>
/// One enrollment as its details pages show it (staff and registrar): who, what, the split,
/// the payments and the timeline. Read from a query already restricted to the user's scope.
/// </summary>
public sealed record EnrollmentRecord(
    int Id, int PersonId, string Name, string IdNumber, string? Phone, Education Education,
    string VillageName, string VillageCode, string TownshipName, int Year, string CohortName,
    string School, string Program, DegreeLevel Level, EnrollmentState State,
    DateOnly? AdmittedOn, DateOnly? GraduatedOn, DateOnly? WithdrawnOn, string? CertificateNumber,
    long TotalFen, long SubsidyFen, long WaiverFen, long SelfPaidFen, Guid Version)
{
    public IReadOnlyList<PaymentRow> Payments { get; init; } = [];
    public IReadOnlyList<TimelineRow> Timeline { get; init; } = [];

    public long Paid(PaymentKind kind) => Payments.Where(p => p.Kind == kind).Sum(p => p.AmountFen);
    public long Owed(PaymentKind kind) => kind == PaymentKind.SelfPaid ? SelfPaidFen : SubsidyFen;
    public long Outstanding(PaymentKind kind) => Owed(kind) - Paid(kind);

    public sealed record PaymentRow(PaymentKind Kind, long AmountFen, DateOnly PaidOn, string ReceiptNumber, string RecordedBy, DateTime RecordedAt);

    /// <summary>What the record follows: the enrollment, its payments and steps, and everything it names.</summary>
    private static readonly Type[] Follows = [typeof(Enrollment), typeof(Payment), typeof(EnrollmentTransition), typeof(Person),
        typeof(OrgUnit), typeof(Cohort), typeof(StudyProgram), typeof(School)];

    /// <summary>As <see cref="LoadAsync"/>, kept (<see cref="FiguresMemo"/>, bound to the account's scope) until anything it
    /// follows is saved: three queries a view of the details pages.</summary>
    public static Task<EnrollmentRecord?> KeptAsync(FiguresMemo memo, IQueryable<Enrollment> scoped, int id, CancellationToken ct) =>
        memo.GetAsync($"EnrollmentRecord|{id}", Follows, c => LoadAsync(scoped, id, c), ct);

    /// <summary>The enrollment <paramref name="id"/> if it is in <paramref name="scoped"/> and reached admission; otherwise null (404).</summary>
    private static async Task<EnrollmentRecord?> LoadAsync(IQueryable<Enrollment> scoped, int id, CancellationToken ct)
    {
        var record = await scoped.AsNoTracking().Where(Enrollment.HasReachedAdmission).Where(e => e.Id == id)
            .Select(e => new EnrollmentRecord(e.Id, e.PersonId, e.Person.Name, e.Person.IdNumber, e.Person.Phone, e.Person.Education,
                e.Village.Name, e.Village.Code, e.Village.Parent!.Name, e.Year, e.Cohort.Name,
                e.Program.School.Name, e.Program.Name, e.Level, e.State,
                e.AdmittedOn, e.GraduatedOn, e.WithdrawnOn, e.CertificateNumber,
                e.Split.TotalFen, e.Split.SubsidyFen, e.Split.WaiverFen, e.Split.SelfPaidFen, e.Version))
            .SingleOrDefaultAsync(ct);
        if (record is null) return null;
        var payments = await scoped.AsNoTracking().Where(e => e.Id == id).SelectMany(e => e.Payments)
            .OrderBy(p => p.PaidOn).ThenBy(p => p.Id)
            .Select(p => new PaymentRow(p.Kind, p.AmountFen, p.PaidOn, p.ReceiptNumber, p.RecordedBy, p.RecordedAt))
            .ToListAsync(ct);
        var timeline = await scoped.AsNoTracking().Where(e => e.Id == id).SelectMany(e => e.Transitions)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new TimelineRow(t.Action, t.From, t.To, t.Actor, t.Comment, t.On, t.At))
            .ToListAsync(ct);
        return record with { Payments = payments, Timeline = timeline };
    }
}
