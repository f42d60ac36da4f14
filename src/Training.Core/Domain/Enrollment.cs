using System.Linq.Expressions;

namespace Training.Core.Domain;

/// <summary>
/// A degree application and, from admission on, the enrollment. The dates of admission,
/// graduation and withdrawal are kept as columns because the statistics of §8 ask for the
/// state on a date: online steps set them to the day of the step; a historical row
/// (spreadsheet import, demo data) gets them by the rule of §8 (admitted on 1 September of
/// its year, withdrawn on the admission day when no date is known).
/// </summary>
public class Enrollment : IVersioned
{
    private readonly List<EnrollmentTransition> _transitions = [];
    private readonly List<Payment> _payments = [];

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
    public DateTime? SubmittedAt { get; private set; }
    public IReadOnlyList<EnrollmentTransition> Transitions => _transitions;
    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary><see cref="EnrollmentStateNames.IsActive"/> for queries: blocks another application by the same person.</summary>
    public static readonly Expression<Func<Enrollment, bool>> IsActive = e =>
        e.State == EnrollmentState.Draft || e.State == EnrollmentState.Submitted || e.State == EnrollmentState.TownshipApproved
        || e.State == EnrollmentState.DistrictApproved || e.State == EnrollmentState.Admitted;

    /// <summary><see cref="EnrollmentStateNames.ReachedAdmission"/> for queries: Admitted, Graduated or Withdrawn.</summary>
    public static readonly Expression<Func<Enrollment, bool>> HasReachedAdmission = e =>
        e.State == EnrollmentState.Admitted || e.State == EnrollmentState.Graduated || e.State == EnrollmentState.Withdrawn;

    /// <summary>Optimistic concurrency: two reviewers on one application, exactly one wins.</summary>
    public Guid Version { get; private set; }

    /// <summary>A trainee starts an application: eligibility is checked now and again at submission.</summary>
    public static Enrollment Draft(Person person, Cohort cohort, FeeSchedule offering, Eligibility.Facts facts, DateTime now)
    {
        if (offering.CohortId != cohort.Id && !cohort.Fees.Contains(offering))
            throw new DomainException("所选专业不在本批次招生范围内。");
        var reasons = Eligibility.Reasons(facts, offering.Program.Level);
        if (reasons.Count > 0) throw new DomainException(string.Join(" ", reasons));
        return new Enrollment
        {
            Person = person,
            PersonId = person.Id,
            Village = person.Village,
            VillageId = person.VillageId,
            Cohort = cohort,
            CohortId = cohort.Id,
            Year = cohort.Year,
            Program = offering.Program,
            ProgramId = offering.ProgramId,
            Level = offering.Program.Level,
            State = EnrollmentState.Draft,
            Split = offering.Split,
            CreatedAt = now,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>Changes the program of a draft (or of an application returned for correction).</summary>
    public void ChangeProgram(FeeSchedule offering, Eligibility.Facts facts)
    {
        RequireState(EnrollmentAction.Submit, EnrollmentState.Draft);
        if (offering.CohortId != CohortId) throw new DomainException("所选专业不在本批次招生范围内。");
        var reasons = Eligibility.Reasons(facts, offering.Program.Level);
        if (reasons.Count > 0) throw new DomainException(string.Join(" ", reasons));
        Program = offering.Program;
        ProgramId = offering.ProgramId;
        Level = offering.Program.Level;
        Split = offering.Split;
        Touch();
    }

    /// <summary>Only inside the cohort's application window; outside it the message says when it opens or that it closed.</summary>
    public void Submit(string actor, Cohort cohort, DateOnly today, DateTime now)
    {
        RequireState(EnrollmentAction.Submit, EnrollmentState.Draft);
        if (today < cohort.ApplyFrom)
            throw new DomainException($"{cohort.Name}报名将于 {cohort.ApplyFrom:yyyy年M月d日} 开始，届时再提交。");
        if (today > cohort.ApplyTo)
            throw new DomainException($"{cohort.Name}报名已于 {cohort.ApplyTo:yyyy年M月d日} 截止。");
        SubmittedAt = now;
        Move(EnrollmentAction.Submit, EnrollmentState.Submitted, actor, "", today, now);
    }

    public void ApproveByTownship(string actor, string? comment, DateOnly today, DateTime now)
    {
        RequireState(EnrollmentAction.ApproveByTownship, EnrollmentState.Submitted);
        Move(EnrollmentAction.ApproveByTownship, EnrollmentState.TownshipApproved, actor, comment, today, now);
    }

    public void ApproveByDistrict(string actor, string? comment, DateOnly today, DateTime now)
    {
        RequireState(EnrollmentAction.ApproveByDistrict, EnrollmentState.TownshipApproved);
        Move(EnrollmentAction.ApproveByDistrict, EnrollmentState.DistrictApproved, actor, comment, today, now);
    }

    /// <summary>
    /// City admission. <paramref name="admittedInDistrict"/> counts the district's enrollments
    /// already admitted in this cohort: admission never exceeds the district's quota. The split
    /// is copied from the fee schedule now.
    /// </summary>
    public void Admit(string actor, string? comment, FeeSplit split, int admittedInDistrict, int districtQuota, DateOnly today, DateTime now)
    {
        RequireState(EnrollmentAction.Admit, EnrollmentState.DistrictApproved);
        if (admittedInDistrict >= districtQuota)
            throw new DomainException($"该区本批次名额 {districtQuota} 人已用完（已录取 {admittedInDistrict} 人），不能再录取。");
        Split = split;
        AdmittedOn = today;
        Move(EnrollmentAction.Admit, EnrollmentState.Admitted, actor, comment, today, now);
    }

    /// <summary>Any review step may return the application to the trainee for correction, with a reason.</summary>
    public void Return(string actor, string reason, DateOnly today, DateTime now)
    {
        if (!State.IsUnderReview()) throw Illegal(EnrollmentAction.Return);
        Move(EnrollmentAction.Return, EnrollmentState.Draft, actor, RequireReason(reason, "退回"), today, now);
    }

    public void Reject(string actor, string reason, DateOnly today, DateTime now)
    {
        if (!State.IsUnderReview()) throw Illegal(EnrollmentAction.Reject);
        Move(EnrollmentAction.Reject, EnrollmentState.Rejected, actor, RequireReason(reason, "不予通过"), today, now);
    }

    /// <summary>The trainee may cancel before admission.</summary>
    public void Cancel(string actor, DateOnly today, DateTime now)
    {
        if (State != EnrollmentState.Draft && !State.IsUnderReview()) throw Illegal(EnrollmentAction.Cancel);
        Move(EnrollmentAction.Cancel, EnrollmentState.Cancelled, actor, "", today, now);
    }

    /// <summary>Graduation raises the person's education to the program's level from that day (never lowers it).</summary>
    public void Graduate(string actor, DateOnly on, string certificateNumber, DateOnly today, DateTime now)
    {
        RequireState(EnrollmentAction.Graduate, EnrollmentState.Admitted);
        if (on < AdmittedOn) throw new DomainException($"毕业日期 {on:yyyy-MM-dd} 早于入学日期 {AdmittedOn:yyyy-MM-dd}。");
        if (on > today) throw new DomainException("毕业日期不能晚于今天。");
        certificateNumber = (certificateNumber ?? "").Trim();
        if (certificateNumber.Length == 0) throw new DomainException("请填写毕业证书编号。");
        if (certificateNumber.Length > 50) throw new DomainException("毕业证书编号不能超过 50 个字符。");
        CertificateNumber = certificateNumber;
        GraduatedOn = on;
        Person.RaiseEducation(Level.ToEducation(), on, $"{Year}年{Program.Name}（{Level.Name()}）毕业", now);
        Move(EnrollmentAction.Graduate, EnrollmentState.Graduated, actor, $"证书编号 {certificateNumber}", on, now);
    }

    public void Withdraw(string actor, DateOnly on, string reason, DateOnly today, DateTime now)
    {
        RequireState(EnrollmentAction.Withdraw, EnrollmentState.Admitted);
        if (on < AdmittedOn) throw new DomainException($"退学日期 {on:yyyy-MM-dd} 早于入学日期 {AdmittedOn:yyyy-MM-dd}。");
        if (on > today) throw new DomainException("退学日期不能晚于今天。");
        WithdrawnOn = on;
        Move(EnrollmentAction.Withdraw, EnrollmentState.Withdrawn, actor, RequireReason(reason, "退学"), on, now);
    }

    /// <summary>CityAdmin adjusts an admitted enrollment's split, with a reason that stays in the timeline.</summary>
    public void AdjustSplit(string actor, FeeSplit split, string reason, DateOnly today, DateTime now)
    {
        if (!State.ReachedAdmission()) throw Illegal(EnrollmentAction.AdjustSplit);
        reason = RequireReason(reason, "调整学费分担");
        // Money already paid cannot become an over-payment after the fact.
        foreach (var (kind, owed) in new[] { (PaymentKind.SelfPaid, split.SelfPaidFen), (PaymentKind.SubsidyDisbursement, split.SubsidyFen) })
        {
            var paid = PaidFen(kind);
            if (owed < paid)
                throw new DomainException($"{kind.Name()}已登记 {Money.Format(paid)}，调整后的应缴 {Money.Format(owed)} 不能少于已缴金额。");
        }
        var before = Split;
        Split = split;
        _transitions.Add(new EnrollmentTransition(EnrollmentAction.AdjustSplit, State, State, actor,
            $"{reason}（原：补助 {Money.Format(before.SubsidyFen)}、减免 {Money.Format(before.WaiverFen)}、自付 {Money.Format(before.SelfPaidFen)}；" +
            $"现：补助 {Money.Format(split.SubsidyFen)}、减免 {Money.Format(split.WaiverFen)}、自付 {Money.Format(split.SelfPaidFen)}）",
            today, now));
        Touch();
    }

    public Payment RecordPayment(PaymentKind kind, long amountFen, DateOnly paidOn, string receiptNumber, string recordedBy, DateOnly today, DateTime now)
    {
        if (!State.ReachedAdmission()) throw new DomainException("录取后才能登记缴费。");
        if (amountFen <= 0) throw new DomainException("金额必须大于 0。");
        if (paidOn > today) throw new DomainException("缴费日期不能晚于今天。");
        receiptNumber = (receiptNumber ?? "").Trim();
        if (receiptNumber.Length == 0) throw new DomainException("请填写票据（收据）编号。");
        var owed = kind == PaymentKind.SelfPaid ? Split.SelfPaidFen : Split.SubsidyFen;
        var paid = _payments.Where(p => p.Kind == kind).Sum(p => p.AmountFen);
        if (paid + amountFen > owed)
            throw new DomainException($"{kind.Name()}累计 {Money.Format(paid + amountFen)} 将超过应缴 {Money.Format(owed)}。");
        var payment = new Payment(kind, amountFen, paidOn, receiptNumber, recordedBy, now);
        _payments.Add(payment);
        Touch();
        return payment;
    }

    public long PaidFen(PaymentKind kind) => _payments.Where(p => p.Kind == kind).Sum(p => p.AmountFen);

    private void Move(EnrollmentAction action, EnrollmentState to, string actor, string? comment, DateOnly on, DateTime now)
    {
        _transitions.Add(new EnrollmentTransition(action, State, to, actor, (comment ?? "").Trim(), on, now));
        State = to;
        Touch();
    }

    /// <summary>A new version on every change: a reviewer who loaded the old one is told it changed.</summary>
    private void Touch() => Version = Guid.NewGuid();

    private void RequireState(EnrollmentAction action, EnrollmentState expected)
    {
        if (State != expected) throw Illegal(action);
    }

    private DomainException Illegal(EnrollmentAction action) =>
        new($"当前状态为“{State.Name()}”，不能进行“{action.Name()}”。");

    private static string RequireReason(string? reason, string what)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0) throw new DomainException($"{what}须填写理由。");
        if (reason.Length > 500) throw new DomainException("理由不能超过 500 字。");
        return reason;
    }

    /// <summary>
    /// A roster import's row (sheet 学历教育) for this enrollment (same person, year and level):
    /// program, split and state as the spreadsheet says; false when they equal what is stored.
    /// Only enrollments that reached admission take such a row; an 已录取 one may become 已毕业
    /// (raising education from its day) or 已退学, but a graduation or withdrawal is not undone.
    /// <paramref name="today"/> is Guangzhou's calendar day of the import (the withdrawal step is
    /// recorded on it); the UTC instant <paramref name="now"/> would give yesterday before 08:00.
    /// </summary>
    public bool ApplyHistorical(StudyProgram program, FeeSplit split, EnrollmentState state, DateOnly? graduatedOn, string actor,
        DateOnly today, DateTime now, DateOnly? withdrawnOn = null)
    {
        if (!State.ReachedAdmission())
            throw new DomainException($"该人员{Year}年{Level.Name()}的报名正在线上办理（{State.Name()}），不能用导入覆盖。");
        if (!state.ReachedAdmission())
            throw new DomainException("历史学历教育记录的状态只能是已录取、已毕业或已退学。");
        if (program.Level != Level)
            throw new DomainException($"专业“{program.Name}”是{program.Level.Name()}，不是{Level.Name()}。");
        var graduated = state == EnrollmentState.Graduated ? graduatedOn : null;
        if (state == EnrollmentState.Graduated && graduated is null)
            throw new DomainException("已毕业的记录必须有毕业日期。");
        var sameProgram = ReferenceEquals(Program, program) || (program.Id != 0 && ProgramId == program.Id);
        // A withdrawal row without a date says nothing new about a stored withdrawal's day.
        var sameWithdrawal = state != EnrollmentState.Withdrawn || withdrawnOn is null || WithdrawnOn == withdrawnOn;
        if (sameProgram && Split == split && State == state && GraduatedOn == graduated && sameWithdrawal) return false;

        if (State != state)
        {
            if (State != EnrollmentState.Admitted)
                throw new DomainException($"系统中该记录已是“{State.Name()}”，不能通过导入改为“{state.Name()}”。");
            if (state == EnrollmentState.Graduated)
            {
                if (graduated < AdmittedOn)
                    throw new DomainException($"毕业日期 {graduated:yyyy-MM-dd} 早于入学日期 {AdmittedOn:yyyy-MM-dd}。");
                GraduatedOn = graduated;
                Person.RaiseEducation(Level.ToEducation(), graduated!.Value, $"{Year}年{program.Name}（{Level.Name()}）毕业", now);
                _transitions.Add(new EnrollmentTransition(EnrollmentAction.Graduate, State, state, actor, "花名册导入", graduated.Value, now));
            }
            else
            {
                if (withdrawnOn < AdmittedOn)
                    throw new DomainException($"退学日期 {withdrawnOn:yyyy-MM-dd} 早于入学日期 {AdmittedOn:yyyy-MM-dd}。");
                WithdrawnOn = withdrawnOn ?? AdmittedOn;
                _transitions.Add(new EnrollmentTransition(EnrollmentAction.Withdraw, State, state, actor, "花名册导入", today, now));
            }
            State = state;
        }
        else if (GraduatedOn != graduated)
            throw new DomainException($"系统中该记录的毕业日期为 {GraduatedOn:yyyy-MM-dd}，不能通过导入更改。");
        else if (!sameWithdrawal)
            throw new DomainException($"系统中该记录的退学日期为 {WithdrawnOn:yyyy-MM-dd}，不能通过导入更改。");
        Program = program;
        ProgramId = program.Id;
        Split = split;
        Touch();
        return true;
    }

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
