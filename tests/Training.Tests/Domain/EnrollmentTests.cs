using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>Every transition of PRODUCT.md §5's state diagram, and every illegal one raising a domain error.</summary>
public class EnrollmentTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Now = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);
    private const string Actor = "测试（tester）";

    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit District = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Township = OrgUnit.CreateChild(District, "440111103", "人和镇");
    private static readonly OrgUnit Village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);

    private static readonly Eligibility.Facts Cadre = new(true, false, true, false, Education.HighSchool, false);

    private sealed record Setup(Cohort Cohort, FeeSchedule Associate, FeeSchedule Bachelor, Person Person);

    private static Setup NewSetup(Education education = Education.HighSchool, DateOnly? applyFrom = null, DateOnly? applyTo = null)
    {
        var cohort = Cohort.Create(2026, "", applyFrom ?? Today.AddDays(-30), applyTo ?? Today.AddDays(30), 1200);
        var school = School.Create("广州城市职业学院");
        var associate = cohort.Offer(StudyProgram.Create(school, "行政管理", DegreeLevel.Associate, 3), new FeeSplit(600000, 300000, 150000, 150000));
        var bachelor = cohort.Offer(StudyProgram.Create(school, "公共事业管理", DegreeLevel.Bachelor, 3), new FeeSplit(800000, 400000, 250000, 150000));
        var person = Person.Register("440103199001011236", "陈志强", null, PoliticalStatus.PartyMember, education, Village, Today, Now);
        return new Setup(cohort, associate, bachelor, person);
    }

    private static Enrollment Submitted(Setup s)
    {
        var e = Enrollment.Draft(s.Person, s.Cohort, s.Associate, Cadre, Now);
        e.Submit(Actor, s.Cohort, Today, Now);
        return e;
    }

    private static Enrollment Admitted(Setup s)
    {
        var e = Submitted(s);
        e.ApproveByTownship(Actor, "", Today, Now);
        e.ApproveByDistrict(Actor, "", Today, Now);
        e.Admit(Actor, "", s.Associate.Split, 0, 10, Today, Now);
        return e;
    }

    [Fact]
    public void Should_go_from_draft_to_admitted_recording_every_step()
    {
        var s = NewSetup();
        var e = Enrollment.Draft(s.Person, s.Cohort, s.Associate, Cadre, Now);
        Assert.Equal(EnrollmentState.Draft, e.State);

        e.Submit(Actor, s.Cohort, Today, Now);
        e.ApproveByTownship(Actor, "材料齐全", Today, Now);
        e.ApproveByDistrict(Actor, "", Today, Now);
        e.Admit(Actor, "同意录取", s.Associate.Split, 3, 10, Today, Now);

        Assert.Equal(EnrollmentState.Admitted, e.State);
        Assert.Equal(Today, e.AdmittedOn);
        Assert.Equal(
            [EnrollmentAction.Submit, EnrollmentAction.ApproveByTownship, EnrollmentAction.ApproveByDistrict, EnrollmentAction.Admit],
            e.Transitions.Select(t => t.Action));
        Assert.Equal(
            [(EnrollmentState.Draft, EnrollmentState.Submitted), (EnrollmentState.Submitted, EnrollmentState.TownshipApproved),
             (EnrollmentState.TownshipApproved, EnrollmentState.DistrictApproved), (EnrollmentState.DistrictApproved, EnrollmentState.Admitted)],
            e.Transitions.Select(t => (t.From, t.To)));
        Assert.Equal("材料齐全", e.Transitions[1].Comment);
        Assert.All(e.Transitions, t => Assert.Equal(Actor, t.Actor));
    }

    [Fact]
    public void Should_copy_the_fee_split_at_admission()
    {
        var s = NewSetup();
        var e = Submitted(s);
        e.ApproveByTownship(Actor, "", Today, Now);
        e.ApproveByDistrict(Actor, "", Today, Now);
        var changed = new FeeSplit(600000, 350000, 100000, 150000);

        e.Admit(Actor, "", changed, 0, 10, Today, Now);

        Assert.Equal(changed, e.Split);
    }

    [Fact]
    public void Should_refuse_admission_over_the_district_quota()
    {
        var s = NewSetup();
        var e = Submitted(s);
        e.ApproveByTownship(Actor, "", Today, Now);
        e.ApproveByDistrict(Actor, "", Today, Now);

        var ex = Assert.Throws<DomainException>(() => e.Admit(Actor, "", s.Associate.Split, 10, 10, Today, Now));

        Assert.Contains("名额 10 人已用完", ex.Message);
        Assert.Equal(EnrollmentState.DistrictApproved, e.State);
    }

    [Theory]
    [InlineData(-31, -1, "已于")]   // window closed yesterday
    [InlineData(1, 30, "将于")]     // opens tomorrow
    public void Should_submit_only_inside_the_application_window(int fromDays, int toDays, string says)
    {
        var s = NewSetup(applyFrom: Today.AddDays(fromDays), applyTo: Today.AddDays(toDays));
        var e = Enrollment.Draft(s.Person, s.Cohort, s.Associate, Cadre, Now);

        var ex = Assert.Throws<DomainException>(() => e.Submit(Actor, s.Cohort, Today, Now));

        Assert.Contains(says, ex.Message);
        Assert.Equal(EnrollmentState.Draft, e.State);
    }

    [Fact]
    public void Should_submit_on_the_first_and_the_last_day_of_the_window()
    {
        var s = NewSetup(applyFrom: Today, applyTo: Today);
        var e = Enrollment.Draft(s.Person, s.Cohort, s.Associate, Cadre, Now);

        e.Submit(Actor, s.Cohort, Today, Now);

        Assert.Equal(EnrollmentState.Submitted, e.State);
    }

    [Theory]
    [InlineData(0)] // returned by the township
    [InlineData(1)] // by the district
    [InlineData(2)] // by the city
    public void Should_return_to_draft_with_the_reason_from_any_review_step_and_allow_resubmission(int approvals)
    {
        var s = NewSetup();
        var e = Submitted(s);
        if (approvals > 0) e.ApproveByTownship(Actor, "", Today, Now);
        if (approvals > 1) e.ApproveByDistrict(Actor, "", Today, Now);

        e.Return(Actor, "请补充学历证明", Today, Now);

        Assert.Equal(EnrollmentState.Draft, e.State);
        Assert.Equal((EnrollmentAction.Return, "请补充学历证明"), (e.Transitions[^1].Action, e.Transitions[^1].Comment));
        e.Submit(Actor, s.Cohort, Today, Now);
        Assert.Equal(EnrollmentState.Submitted, e.State);
    }

    [Fact]
    public void Should_need_a_reason_to_return_or_reject()
    {
        var e = Submitted(NewSetup());

        Assert.Contains("须填写理由", Assert.Throws<DomainException>(() => e.Return(Actor, " ", Today, Now)).Message);
        Assert.Contains("须填写理由", Assert.Throws<DomainException>(() => e.Reject(Actor, "", Today, Now)).Message);
        Assert.Equal(EnrollmentState.Submitted, e.State);
    }

    [Fact]
    public void Should_reject_from_a_review_step()
    {
        var e = Submitted(NewSetup());
        e.ApproveByTownship(Actor, "", Today, Now);

        e.Reject(Actor, "不符合报名条件", Today, Now);

        Assert.Equal(EnrollmentState.Rejected, e.State);
    }

    [Fact]
    public void Should_let_the_trainee_cancel_before_admission_but_not_after()
    {
        var s = NewSetup();
        var draft = Enrollment.Draft(s.Person, s.Cohort, s.Associate, Cadre, Now);
        draft.Cancel(Actor, Today, Now);
        Assert.Equal(EnrollmentState.Cancelled, draft.State);

        var admitted = Admitted(NewSetup());
        Assert.Throws<DomainException>(() => admitted.Cancel(Actor, Today, Now));
    }

    public static TheoryData<string> IllegalSteps() =>
    [
        "draft:approve-township", "draft:approve-district", "draft:admit", "draft:return", "draft:reject", "draft:graduate", "draft:withdraw",
        "submitted:submit", "submitted:approve-district", "submitted:admit", "submitted:graduate",
        "township:approve-township", "township:admit",
        "district:approve-district", "district:approve-township",
        "admitted:submit", "admitted:return", "admitted:reject", "admitted:cancel", "admitted:admit",
        "rejected:submit", "rejected:approve-township", "rejected:cancel",
        "cancelled:submit", "cancelled:cancel",
        "graduated:graduate", "graduated:withdraw", "withdrawn:graduate",
    ];

    [Theory]
    [MemberData(nameof(IllegalSteps))]
    public void Should_raise_a_domain_error_for_an_illegal_transition(string step)
    {
        var s = NewSetup();
        var (state, action) = (step.Split(':')[0], step.Split(':')[1]);
        var e = Enrollment.Draft(s.Person, s.Cohort, s.Associate, Cadre, Now);
        if (state != "draft") e.Submit(Actor, s.Cohort, Today, Now);
        if (state is "township" or "district" or "admitted" or "graduated" or "withdrawn") e.ApproveByTownship(Actor, "", Today, Now);
        if (state is "district" or "admitted" or "graduated" or "withdrawn") e.ApproveByDistrict(Actor, "", Today, Now);
        if (state is "admitted" or "graduated" or "withdrawn") e.Admit(Actor, "", s.Associate.Split, 0, 10, Today, Now);
        if (state == "graduated") e.Graduate(Actor, Today, "CERT-1", Today, Now);
        if (state == "withdrawn") e.Withdraw(Actor, Today, "个人原因", Today, Now);
        if (state == "rejected") e.Reject(Actor, "不符合", Today, Now);
        if (state == "cancelled") e.Cancel(Actor, Today, Now);
        var before = (e.State, e.Transitions.Count);

        Action act = action switch
        {
            "submit" => () => e.Submit(Actor, s.Cohort, Today, Now),
            "approve-township" => () => e.ApproveByTownship(Actor, "", Today, Now),
            "approve-district" => () => e.ApproveByDistrict(Actor, "", Today, Now),
            "admit" => () => e.Admit(Actor, "", s.Associate.Split, 0, 10, Today, Now),
            "return" => () => e.Return(Actor, "理由", Today, Now),
            "reject" => () => e.Reject(Actor, "理由", Today, Now),
            "cancel" => () => e.Cancel(Actor, Today, Now),
            "graduate" => () => e.Graduate(Actor, Today, "CERT-2", Today, Now),
            "withdraw" => () => e.Withdraw(Actor, Today, "理由", Today, Now),
            _ => throw new ArgumentException(action),
        };

        var ex = Assert.Throws<DomainException>(act);
        Assert.Contains("当前状态为", ex.Message);
        Assert.Equal(before, (e.State, e.Transitions.Count));
    }

    [Fact]
    public void Should_raise_education_at_graduation_from_that_day_on()
    {
        var s = NewSetup(Education.HighSchool);
        var e = Admitted(s);

        e.Graduate(Actor, Today, "GZ-2026-001", Today, Now);

        Assert.Equal(EnrollmentState.Graduated, e.State);
        Assert.Equal((Today, "GZ-2026-001"), (e.GraduatedOn!.Value, e.CertificateNumber!));
        Assert.Equal(Education.Associate, s.Person.Education);
        Assert.Equal(Education.HighSchool, s.Person.EducationOn(Today.AddDays(-1)));
        Assert.Contains(s.Person.EducationHistory, r => r.Source == EducationSource.Graduation && r.EffectiveOn == Today);
    }

    [Fact]
    public void Should_never_lower_education_at_graduation()
    {
        var s = NewSetup(Education.HighSchool);
        var e = Admitted(s);
        s.Person.CorrectBaseEducation(Education.Bachelor, "补录本科学历", Now);

        e.Graduate(Actor, Today, "GZ-2026-002", Today, Now);

        Assert.Equal(Education.Bachelor, s.Person.Education);
    }

    [Fact]
    public void Should_refuse_graduation_without_certificate_or_in_the_future()
    {
        var e = Admitted(NewSetup());

        Assert.Contains("证书编号", Assert.Throws<DomainException>(() => e.Graduate(Actor, Today, " ", Today, Now)).Message);
        Assert.Contains("不能晚于今天", Assert.Throws<DomainException>(() => e.Graduate(Actor, Today.AddDays(1), "X", Today, Now)).Message);
        Assert.Equal(EnrollmentState.Admitted, e.State);
    }

    [Fact]
    public void Should_record_withdrawal_with_its_date_and_reason()
    {
        var e = Admitted(NewSetup());

        e.Withdraw(Actor, Today, "工作调动", Today, Now);

        Assert.Equal((EnrollmentState.Withdrawn, Today), (e.State, e.WithdrawnOn!.Value));
        Assert.Equal("工作调动", e.Transitions[^1].Comment);
    }

    [Fact]
    public void Should_adjust_the_split_only_after_admission_with_a_reason_in_the_timeline()
    {
        var s = NewSetup();
        Assert.Throws<DomainException>(() => Submitted(s).AdjustSplit(Actor, new FeeSplit(600000, 300000, 150000, 150000), "调整", Today, Now));

        var e = Admitted(NewSetup());
        Assert.Contains("须填写理由", Assert.Throws<DomainException>(() =>
            e.AdjustSplit(Actor, new FeeSplit(600000, 350000, 100000, 150000), "", Today, Now)).Message);

        e.AdjustSplit(Actor, new FeeSplit(600000, 350000, 100000, 150000), "区财政追加补助", Today, Now);

        Assert.Equal(350000, e.Split.SubsidyFen);
        Assert.Equal(EnrollmentAction.AdjustSplit, e.Transitions[^1].Action);
        Assert.StartsWith("区财政追加补助", e.Transitions[^1].Comment);
        Assert.Equal(EnrollmentState.Admitted, e.State);
    }

    [Fact]
    public void Should_not_adjust_a_split_below_what_is_already_paid()
    {
        var e = Admitted(NewSetup());
        e.RecordPayment(PaymentKind.SelfPaid, 150000, Today, "R-001", Actor, Today, Now);

        var ex = Assert.Throws<DomainException>(() => e.AdjustSplit(Actor, new FeeSplit(600000, 350000, 150000, 100000), "减免自付", Today, Now));

        Assert.Contains("不能少于已缴金额", ex.Message);
        Assert.Equal(150000, e.Split.SelfPaidFen);
    }

    [Fact]
    public void Should_record_instalments_up_to_what_is_owed()
    {
        var e = Admitted(NewSetup());

        e.RecordPayment(PaymentKind.SelfPaid, 100000, Today, "R-001", Actor, Today, Now);
        e.RecordPayment(PaymentKind.SelfPaid, 50000, Today, "R-002", Actor, Today, Now);

        Assert.Equal(150000, e.PaidFen(PaymentKind.SelfPaid));
        Assert.Contains("将超过应缴", Assert.Throws<DomainException>(() =>
            e.RecordPayment(PaymentKind.SelfPaid, 1, Today, "R-003", Actor, Today, Now)).Message);
        Assert.Throws<DomainException>(() => e.RecordPayment(PaymentKind.SubsidyDisbursement, 0, Today, "S-1", Actor, Today, Now));
        Assert.Throws<DomainException>(() => e.RecordPayment(PaymentKind.SubsidyDisbursement, 100, Today.AddDays(1), "S-1", Actor, Today, Now));
        Assert.Throws<DomainException>(() => Submitted(NewSetup()).RecordPayment(PaymentKind.SelfPaid, 100, Today, "R", Actor, Today, Now));
    }

    [Fact]
    public void Should_change_version_on_every_step()
    {
        var s = NewSetup();
        var e = Enrollment.Draft(s.Person, s.Cohort, s.Associate, Cadre, Now);
        var v1 = e.Version;
        e.Submit(Actor, s.Cohort, Today, Now);
        var v2 = e.Version;
        e.ApproveByTownship(Actor, "", Today, Now);

        Assert.NotEqual(v1, v2);
        Assert.NotEqual(v2, e.Version);
    }

    [Fact]
    public void Should_refuse_a_draft_for_someone_not_eligible_with_every_reason()
    {
        var s = NewSetup(Education.JuniorOrBelow);
        var nobody = new Eligibility.Facts(false, false, true, false, Education.JuniorOrBelow, true);

        var ex = Assert.Throws<DomainException>(() => Enrollment.Draft(s.Person, s.Cohort, s.Associate, nobody, Now));

        Assert.Contains("报名对象为", ex.Message);
        Assert.Contains("高中/中专", ex.Message);
        Assert.Contains("同一时间只能有一个", ex.Message);
    }
}
