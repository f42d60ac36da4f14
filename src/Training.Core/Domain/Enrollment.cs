namespace Training.Core.Domain;

/// <summary>
/// A degree application and, from admission on, the enrollment. The dates of admission,
/// graduation and withdrawal are kept as columns because the statistics of §8 ask for the
/// state on a date: online steps set them to the day of the step; a historical row
/// (spreadsheet import, demo data) gets them by the rule of §8 (admitted on 1 September of
/// its year, withdrawn on the admission day when no date is known).
/// </summary>
public class Enrollment
{
    private Enrollment() { Split = null!; }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    /// <summary>The person's village when they applied: the unit the enrollment counts under.</summary>
    public int VillageId { get; private set; }
    public OrgUnit Village { get; private set; } = null!;
    public int CohortId { get; private set; }
    public Cohort Cohort { get; private set; } = null!;
    public int Year { get; private set; }
    public int ProgramId { get; private set; }
    public StudyProgram Program { get; private set; } = null!;
    public DegreeLevel Level { get; private set; }
    public EnrollmentState State { get; private set; }
    public FeeSplit Split { get; private set; }
    public DateOnly? AdmittedOn { get; private set; }
    public DateOnly? GraduatedOn { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two reviewers on one application, exactly one wins.</summary>
    public Guid Version { get; private set; }

    /// <summary>An enrollment from before the portal (状态 已录取 / 已毕业 / 已退学).</summary>
    public static Enrollment Historical(
        Person person, Cohort cohort, StudyProgram program, FeeSplit split,
        EnrollmentState state, DateOnly? graduatedOn, DateOnly? withdrawnOn, DateTime now)
    {
        if (!state.ReachedAdmission())
            throw new DomainException("历史学历教育记录的状态只能是已录取、已毕业或已退学。");
        if (state == EnrollmentState.Graduated && graduatedOn is null)
            throw new DomainException("已毕业的记录必须有毕业日期。");
        var admittedOn = new DateOnly(cohort.Year, 9, 1);
        if (graduatedOn is not null && graduatedOn < admittedOn)
            throw new DomainException($"毕业日期 {graduatedOn:yyyy-MM-dd} 早于入学日期 {admittedOn:yyyy-MM-dd}。");
        var enrollment = new Enrollment
        {
            Person = person,
            PersonId = person.Id,
            Village = person.Village,
            VillageId = person.VillageId,
            Cohort = cohort,
            CohortId = cohort.Id,
            Year = cohort.Year,
            Program = program,
            ProgramId = program.Id,
            Level = program.Level,
            State = state,
            Split = split,
            AdmittedOn = admittedOn,
            GraduatedOn = state == EnrollmentState.Graduated ? graduatedOn : null,
            WithdrawnOn = state == EnrollmentState.Withdrawn ? (withdrawnOn ?? admittedOn) : null,
            CreatedAt = now,
            Version = Guid.NewGuid(),
        };
        if (state == EnrollmentState.Graduated)
            person.RaiseEducation(program.Level.ToEducation(), graduatedOn!.Value, $"{cohort.Year}年{program.Level.Name()}毕业", now);
        return enrollment;
    }
}
