using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>
/// 培训班 (PRODUCT.md §6): who runs it, its terms, sessions, who may enrol (capacity, sex read
/// from the ID number, cadres/reserves, the owner's district), attendance and completion.
/// </summary>
public class TrainingClassTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Now = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Start = Today.AddDays(-10);
    private static readonly DateOnly End = Today.AddDays(20);

    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit Baiyun = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Renhe = OrgUnit.CreateChild(Baiyun, "440111103", "人和镇");
    private static readonly OrgUnit Hantang = OrgUnit.CreateChild(Renhe, "440111103201", "汉塘村委会", VillageKind.Village);
    private static readonly OrgUnit Liwan = OrgUnit.CreateChild(City, "440103", "荔湾区");
    private static readonly OrgUnit Shamian = OrgUnit.CreateChild(Liwan, "440103001", "沙面街道");
    private static readonly OrgUnit ShamianCommunity = OrgUnit.CreateChild(Shamian, "440103001001", "沙面社区", VillageKind.Community);

    private static int _order;

    /// <summary>A valid number: the 17th digit odd for a man, even for a woman; the check character by ISO 7064 MOD 11-2.</summary>
    private static string IdNumber(Sex sex)
    {
        var n = Interlocked.Increment(ref _order) % 50;
        var first17 = $"440111198503{1 + n % 28:00}{n:00}{(sex == Sex.Male ? 3 : 4)}";
        return first17 + ResidentId.CheckCharacter(first17);
    }

    private static Person Man(OrgUnit? village = null) => NewPerson(Sex.Male, "陈志强", village);
    private static Person Woman(OrgUnit? village = null) => NewPerson(Sex.Female, "李秀英", village);

    private static Person NewPerson(Sex sex, string name, OrgUnit? village) =>
        Person.Register(IdNumber(sex), name, null, PoliticalStatus.PartyMember, Education.HighSchool, village ?? Hantang, Today, Now);

    private static Person Cadre()
    {
        var p = NewPerson(Sex.Male, "王建国", null);
        p.AddPost(Hantang, PostType.CommitteeMember, Today.AddYears(-2));
        return p;
    }

    private static ReserveCandidate InPool(Person person) =>
        ReserveCandidate.HistoricalInPool(person, ReserveTarget.TwoCommittee, Today.AddYears(-1));

    private static TrainingClass NewClass(int capacity = 30, Sex? sexOnly = null, ClassAudience audience = ClassAudience.Any,
        int completionPercent = 80, OrgUnit? owner = null) =>
        TrainingClass.Create(owner ?? Baiyun, "农村女干部培训班", Start, End, capacity, sexOnly, audience, completionPercent, null, "区", Now);

    private static ClassParticipant Enroll(TrainingClass c, Person p, params ReserveCandidate[] reserves) =>
        c.Enroll(p, reserves, "区", Today, Now);

    /// <summary>Ids as the database gives them once saved: attendance names participants by id.</summary>
    private static ClassParticipant Saved(ClassParticipant p, int id)
    {
        typeof(ClassParticipant).GetProperty(nameof(ClassParticipant.Id))!.SetValue(p, id);
        return p;
    }

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    // ---------------------------------------------------------------- create and change

    [Fact]
    public void Should_create_a_district_class_with_its_terms_and_a_version()
    {
        var c = TrainingClass.Create(Baiyun, "  农村女干部培训班 ", Start, End, 40, Sex.Female, ClassAudience.Reserves, 75, " 三期 ", "区", Now);

        Assert.Equal(("农村女干部培训班", Start, End, 40, (Sex?)Sex.Female, ClassAudience.Reserves, 75, "三期"),
            (c.Name, c.StartOn, c.EndOn, c.Capacity, c.SexOnly, c.Audience, c.CompletionPercent, c.Description));
        Assert.Same(Baiyun, c.Owner);
        Assert.NotEqual(Guid.Empty, c.Version);
        Assert.Equal("仅限女性在库后备干部", c.AudienceText);
    }

    [Fact]
    public void Should_let_the_city_run_a_class()
    {
        Assert.Same(City, NewClass(owner: City).Owner);
    }

    [Fact]
    public void Should_refuse_a_class_run_by_a_township_or_a_village()
    {
        Assert.Contains("由市或区举办", Refused(() => NewClass(owner: Renhe)).Message);
        Assert.Contains("由市或区举办", Refused(() => NewClass(owner: Hantang)).Message);
    }

    [Fact]
    public void Should_refuse_an_end_before_the_start_and_a_class_longer_than_a_year()
    {
        Assert.Contains("结束日期不能早于开始日期",
            Refused(() => TrainingClass.Create(Baiyun, "班", Start, Start.AddDays(-1), 30, null, ClassAudience.Any, 80, null, "区", Now)).Message);
        Assert.Contains("不能超过一年",
            Refused(() => TrainingClass.Create(Baiyun, "班", Start, Start.AddYears(1).AddDays(1), 30, null, ClassAudience.Any, 80, null, "区", Now)).Message);
        Assert.Equal(Start.AddYears(1), TrainingClass.Create(Baiyun, "班", Start, Start.AddYears(1), 30, null, ClassAudience.Any, 80, null, "区", Now).EndOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2001)]
    public void Should_refuse_a_capacity_outside_one_to_two_thousand(int capacity)
    {
        Assert.Contains("人数上限应在 1 到 2000 之间", Refused(() => NewClass(capacity: capacity)).Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2000)]
    public void Should_accept_a_capacity_at_either_end_of_the_range(int capacity)
    {
        Assert.Equal(capacity, NewClass(capacity: capacity).Capacity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Should_refuse_a_completion_percent_outside_one_to_a_hundred(int percent)
    {
        Assert.Contains("结业出勤率应在 1% 到 100% 之间", Refused(() => NewClass(completionPercent: percent)).Message);
    }

    [Fact]
    public void Should_refuse_a_class_without_a_name_or_with_an_undefined_audience()
    {
        Assert.Contains("请填写培训班名称",
            Refused(() => TrainingClass.Create(Baiyun, "  ", Start, End, 30, null, ClassAudience.Any, 80, null, "区", Now)).Message);
        Assert.Contains("请选择招收对象", Refused(() => NewClass(audience: (ClassAudience)9)).Message);
    }

    [Fact]
    public void Should_change_the_terms_and_move_the_version()
    {
        var c = NewClass();
        var before = c.Version;

        c.Change("农村后备干部培训班", Start, End.AddDays(5), 50, null, ClassAudience.CadresOrReserves, 90, "二期");

        Assert.Equal(("农村后备干部培训班", End.AddDays(5), 50, ClassAudience.CadresOrReserves, 90, "二期"),
            (c.Name, c.EndOn, c.Capacity, c.Audience, c.CompletionPercent, c.Description));
        Assert.NotEqual(before, c.Version);
    }

    [Fact]
    public void Should_refuse_a_capacity_below_those_enrolled()
    {
        var c = NewClass();
        Enroll(c, Man());
        Enroll(c, Woman());

        Assert.Contains("已有 2 名学员", Refused(() => c.Change(c.Name, Start, End, 1, null, ClassAudience.Any, 80, null)).Message);
        c.Change(c.Name, Start, End, 2, null, ClassAudience.Any, 80, null);
        Assert.Equal(2, c.Capacity);
    }

    [Fact]
    public void Should_refuse_new_dates_that_leave_out_a_session()
    {
        var c = NewClass();
        c.AddSession(End, "结业典礼");

        Assert.Contains("已有课次不在新的起止日期内",
            Refused(() => c.Change(c.Name, Start, End.AddDays(-1), 30, null, ClassAudience.Any, 80, null)).Message);
    }

    [Fact]
    public void Should_refuse_to_make_a_class_women_only_while_a_man_is_enrolled()
    {
        var c = NewClass();
        Enroll(c, Man());

        Assert.Contains("已有非女性学员",
            Refused(() => c.Change(c.Name, Start, End, 30, Sex.Female, ClassAudience.Any, 80, null)).Message);
    }

    // ---------------------------------------------------------------- sessions

    [Fact]
    public void Should_add_sessions_on_the_first_and_the_last_day()
    {
        var c = NewClass();
        var before = c.Version;

        c.AddSession(Start, "开班");
        c.AddSession(End, "结业");

        Assert.Equal([Start, End], c.Sessions.Select(s => s.On));
        Assert.NotEqual(before, c.Version);
    }

    [Theory]
    [InlineData(-11)] // the day before the start
    [InlineData(21)]  // the day after the end
    public void Should_refuse_a_session_outside_the_class_dates(int daysFromToday)
    {
        var c = NewClass();

        Assert.Contains("课次日期应在培训班起止日期", Refused(() => c.AddSession(Today.AddDays(daysFromToday), "课")).Message);
        Assert.Empty(c.Sessions);
    }

    [Fact]
    public void Should_refuse_a_session_without_a_title()
    {
        Assert.Contains("请填写课次名称", Refused(() => NewClass().AddSession(Today, " ")).Message);
    }

    [Fact]
    public void Should_remove_a_session_before_attendance_is_taken()
    {
        var c = NewClass();
        var s = c.AddSession(Today, "第一讲");

        c.RemoveSession(s);

        Assert.Empty(c.Sessions);
    }

    [Fact]
    public void Should_refuse_to_remove_a_session_once_attendance_is_taken_even_all_absent()
    {
        var c = NewClass();
        Saved(Enroll(c, Man()), 1);
        var s = c.AddSession(Today, "第一讲");
        c.RecordAttendance(s, [], "区", Today, Now);

        Assert.Contains("已登记考勤，不能删除", Refused(() => c.RemoveSession(s)).Message);
        Assert.Single(c.Sessions);
    }

    // ---------------------------------------------------------------- enrolment

    [Fact]
    public void Should_enrol_a_person_of_the_district_and_move_the_version()
    {
        var c = NewClass();
        var before = c.Version;
        var p = Man();

        var participant = Enroll(c, p);

        Assert.Same(p, participant.Person);
        Assert.Equal((Today, "区"), (participant.EnrolledOn, participant.EnrolledBy));
        Assert.Single(c.Participants);
        Assert.NotEqual(before, c.Version);
    }

    [Fact]
    public void Should_accept_the_last_place_one_below_capacity()
    {
        var c = NewClass(capacity: 3);
        Enroll(c, Man());
        Enroll(c, Man());

        Enroll(c, Woman());

        Assert.Equal(3, c.Participants.Count);
    }

    [Fact]
    public void Should_refuse_a_person_when_the_class_is_exactly_at_capacity()
    {
        var c = NewClass(capacity: 2);
        Enroll(c, Man());
        Enroll(c, Man());

        Assert.Contains("培训班已满（上限 2 人）", Refused(() => Enroll(c, Woman())).Message);
        Assert.Equal(2, c.Participants.Count);
    }

    [Fact]
    public void Should_refuse_a_man_in_a_women_only_class_by_his_id_number()
    {
        var c = NewClass(sexOnly: Sex.Female);
        var man = Man();
        Assert.Equal('3', man.IdNumber[16]);

        var ex = Refused(() => Enroll(c, man));

        Assert.Contains("本班仅限女性学员", ex.Message);
        Assert.Contains("身份证号显示为男性", ex.Message);
        Enroll(c, Woman());
        Assert.Single(c.Participants);
    }

    [Fact]
    public void Should_refuse_a_woman_in_a_men_only_class_by_her_id_number()
    {
        var c = NewClass(sexOnly: Sex.Male);
        var woman = Woman();
        Assert.Equal('4', woman.IdNumber[16]);

        Assert.Contains("本班仅限男性学员", Refused(() => Enroll(c, woman)).Message);
        Enroll(c, Man());
        Assert.Single(c.Participants);
    }

    [Fact]
    public void Should_take_only_serving_cadres_in_a_class_for_cadres()
    {
        var c = NewClass(audience: ClassAudience.Cadres);
        var former = Man();
        former.AddPost(Hantang, PostType.CommitteeMember, Today.AddYears(-3), Today.AddDays(-1));

        Enroll(c, Cadre());

        Assert.Contains("本班招收对象为在职两委干部", Refused(() => Enroll(c, Man())).Message);
        Assert.Contains("目前不是", Refused(() => Enroll(c, former)).Message);
        var reserve = Man();
        Assert.Contains("在职两委干部", Refused(() => Enroll(c, reserve, InPool(reserve))).Message);
    }

    [Fact]
    public void Should_take_only_reserves_in_the_pool_in_a_class_for_reserves()
    {
        var c = NewClass(audience: ClassAudience.Reserves);
        var reserve = Woman();
        var left = Woman();
        var exited = InPool(left);
        exited.Exit(Today.AddDays(-1), "外出务工", "区", Now);
        var recommended = Woman();
        var onlyRecommended = ReserveCandidate.Recommend(recommended, Hantang, ReserveTarget.TwoCommittee, "村", Today, Now, []);

        Enroll(c, reserve, InPool(reserve));

        Assert.Contains("本班招收对象为在库后备干部", Refused(() => Enroll(c, left, exited)).Message);
        Assert.Contains("在库后备干部", Refused(() => Enroll(c, recommended, onlyRecommended)).Message);
        Assert.Contains("在库后备干部", Refused(() => Enroll(c, Cadre())).Message);
        Assert.Single(c.Participants);
    }

    [Fact]
    public void Should_take_cadres_and_reserves_but_nobody_else_in_a_class_for_either()
    {
        var c = NewClass(audience: ClassAudience.CadresOrReserves);
        var reserve = Man();

        Enroll(c, Cadre());
        Enroll(c, reserve, InPool(reserve));

        Assert.Contains("两委干部或后备干部", Refused(() => Enroll(c, Man())).Message);
        Assert.Equal(2, c.Participants.Count);
    }

    [Fact]
    public void Should_refuse_a_person_outside_the_owner_district()
    {
        var c = NewClass();

        Assert.Contains("不属于白云区", Refused(() => Enroll(c, Man(ShamianCommunity))).Message);
    }

    [Fact]
    public void Should_take_persons_of_every_district_in_a_city_class()
    {
        var c = NewClass(owner: City);

        Enroll(c, Man(ShamianCommunity));
        Enroll(c, Man(Hantang));

        Assert.Equal(2, c.Participants.Count);
    }

    [Fact]
    public void Should_refuse_the_same_person_twice()
    {
        var c = NewClass();
        var p = Man();
        Enroll(c, p);

        Assert.Contains("已报名本培训班", Refused(() => Enroll(c, p)).Message);
        Assert.Single(c.Participants);
    }

    [Fact]
    public void Should_enrol_on_the_last_day_and_refuse_after_it()
    {
        var c = NewClass();

        c.Enroll(Man(), [], "区", End, Now);

        Assert.Contains($"培训班已于 {End:yyyy-MM-dd} 结束", Refused(() => c.Enroll(Man(), [], "区", End.AddDays(1), Now)).Message);
        Assert.Single(c.Participants);
    }

    // ---------------------------------------------------------------- attendance

    private static (TrainingClass Class, ClassSession Session, ClassParticipant A, ClassParticipant B, ClassParticipant C) Attended()
    {
        var c = NewClass();
        var a = Saved(Enroll(c, Man()), 11);
        var b = Saved(Enroll(c, Woman()), 12);
        var d = Saved(Enroll(c, Man()), 13);
        return (c, c.AddSession(Today, "第一讲"), a, b, d);
    }

    [Fact]
    public void Should_mark_every_participant_present_or_absent_on_the_session_day()
    {
        var (c, s, a, _, d) = Attended();
        var before = c.Version;

        c.RecordAttendance(s, [a.Id, d.Id], "区", Today, Now);

        Assert.Equal([(11, true), (12, false), (13, true)],
            s.Attendance.Select(x => (x.Participant.Id, x.Present)).OrderBy(x => x.Item1));
        Assert.All(s.Attendance, x => Assert.Equal(("区", Now), (x.RecordedBy, x.RecordedAt)));
        Assert.NotEqual(before, c.Version);
    }

    [Fact]
    public void Should_rewrite_only_the_marks_that_changed_when_the_sheet_is_saved_again()
    {
        var (c, s, a, b, d) = Attended();
        c.RecordAttendance(s, [a.Id, d.Id], "区", Today, Now);

        var changes = c.RecordAttendance(s, [a.Id, b.Id], "镇", Today, Now.AddHours(1));

        Assert.Equal([(12, true), (13, false)], changes.Select(x => (x.Participant.Id, x.Present)).OrderBy(x => x.Item1));
        Assert.Equal([(11, true, "区", Now), (12, true, "镇", Now.AddHours(1)), (13, false, "镇", Now.AddHours(1))],
            s.Attendance.Select(x => (x.Participant.Id, x.Present, x.RecordedBy, x.RecordedAt)).OrderBy(x => x.Item1));
    }

    [Fact]
    public void Should_refuse_attendance_before_the_session_day()
    {
        var (c, _, a, _, _) = Attended();
        var tomorrow = c.AddSession(Today.AddDays(1), "第二讲");

        var ex = Refused(() => c.RecordAttendance(tomorrow, [a.Id], "区", Today, Now));

        Assert.Contains($"该课次在 {Today.AddDays(1):yyyy-MM-dd}，当天起才能登记考勤", ex.Message);
        Assert.Empty(tomorrow.Attendance);
    }

    [Fact]
    public void Should_refuse_attendance_naming_someone_not_in_the_class()
    {
        var (c, s, a, _, _) = Attended();

        Assert.Contains("不属于本培训班的学员", Refused(() => c.RecordAttendance(s, [a.Id, 999], "区", Today, Now)).Message);
        Assert.Empty(s.Attendance);
    }

    [Fact]
    public void Should_refuse_attendance_for_a_session_of_another_class()
    {
        var (c, _, a, _, _) = Attended();
        var other = NewClass().AddSession(Today, "别班");

        Assert.Contains("该课次不属于本培训班", Refused(() => c.RecordAttendance(other, [a.Id], "区", Today, Now)).Message);
    }

    [Fact]
    public void Should_replace_the_marks_when_attendance_is_taken_again()
    {
        var (c, s, a, b, d) = Attended();
        c.RecordAttendance(s, [a.Id, b.Id], "区", Today, Now);

        c.RecordAttendance(s, [d.Id], "区二", Today, Now.AddHours(1));

        Assert.Equal(3, s.Attendance.Count);
        Assert.Equal([(11, false), (12, false), (13, true)],
            s.Attendance.Select(x => (x.Participant.Id, x.Present)).OrderBy(x => x.Item1));
        Assert.All(s.Attendance, x => Assert.Equal("区二", x.RecordedBy));
    }

    // ---------------------------------------------------------------- completion

    [Theory]
    [InlineData(4, 5, 80, true)]    // exactly the threshold
    [InlineData(3, 5, 80, false)]
    [InlineData(5, 5, 100, true)]
    [InlineData(4, 5, 81, false)]
    [InlineData(2, 3, 66, true)]    // 66.7% ≥ 66%
    [InlineData(2, 3, 67, false)]   // 66.7% < 67%
    [InlineData(0, 0, 80, false)]   // no sessions: never completed
    [InlineData(0, 0, 1, false)]
    public void Should_complete_when_the_sessions_attended_reach_the_threshold(int attended, int sessions, int percent, bool completes)
    {
        Assert.Equal(completes, TrainingClass.Completes(attended, sessions, percent));
    }

    [Theory]
    [InlineData(4, 5, 0, ClassCompletion.Completed)]      // reached before the end: completed already
    [InlineData(3, 5, -1, ClassCompletion.InProgress)]    // not reached, the class still running
    [InlineData(3, 5, 0, ClassCompletion.InProgress)]     // not reached on the last day
    [InlineData(3, 5, 1, ClassCompletion.NotCompleted)]   // the class over, not reached
    [InlineData(4, 5, 1, ClassCompletion.Completed)]
    [InlineData(0, 0, 1, ClassCompletion.NotCompleted)]
    public void Should_tell_in_progress_completed_or_not_completed(int attended, int sessions, int daysAfterEnd, ClassCompletion expected)
    {
        var terms = new GraduationTerms(Start, End, 80, sessions, null, null, [], []);
        var facts = GraduationFacts.None with { Attended = attended };
        Assert.Equal(expected, Graduation.Evaluate(terms, facts, End.AddDays(daysAfterEnd)).Completion);
    }

    [Fact]
    public void Should_count_a_participants_present_marks_towards_completion()
    {
        var c = TrainingClass.Create(Baiyun, "班", Start, Today, 30, null, ClassAudience.Any, 50, null, "区", Now);
        var a = Saved(Enroll(c, Man()), 21);
        var b = Saved(Enroll(c, Woman()), 22);
        var first = c.AddSession(Start, "第一讲");
        var second = c.AddSession(Today, "第二讲");
        c.RecordAttendance(first, [a.Id, b.Id], "区", Today, Now);
        c.RecordAttendance(second, [a.Id], "区", Today, Now);

        Assert.Equal(ClassCompletion.Completed, CompletionOf(c, a, Today));
        Assert.Equal(ClassCompletion.Completed, CompletionOf(c, b, Today)); // 1 of 2 at 50%
        c.Change(c.Name, Start, Today, 30, null, ClassAudience.Any, 51, null);
        Assert.Equal(ClassCompletion.InProgress, CompletionOf(c, b, Today));
        Assert.Equal(ClassCompletion.NotCompleted, CompletionOf(c, b, Today.AddDays(1)));
    }

    private static ClassCompletion CompletionOf(TrainingClass c, ClassParticipant p, DateOnly today) =>
        Graduation.Evaluate(new GraduationTerms(c.StartOn, c.EndOn, c.CompletionPercent, c.Sessions.Count, null, null, [], []),
            GraduationFacts.None with { Attended = c.AttendedBy(p) }, today).Completion;

    [Fact]
    public void Should_keep_the_half_attended_marks_apart_per_participant()
    {
        var c = TrainingClass.Create(Baiyun, "班", Start, Today, 30, null, ClassAudience.Any, 50, null, "区", Now);
        var a = Saved(Enroll(c, Man()), 21);
        var b = Saved(Enroll(c, Woman()), 22);
        var first = c.AddSession(Start, "第一讲");
        c.RecordAttendance(first, [a.Id], "区", Today, Now);
        Assert.Equal(1, c.AttendedBy(a));
        Assert.Equal(0, c.AttendedBy(b));
    }

    [Fact]
    public void Should_name_the_completion_states_in_chinese()
    {
        Assert.Equal(["学习中", "已结业", "未结业"],
            new[] { ClassCompletion.InProgress, ClassCompletion.Completed, ClassCompletion.NotCompleted }.Select(x => x.Name()));
    }

    // ---------------------------------------------------------------- removing a participant

    [Fact]
    public void Should_refuse_to_remove_a_participant_marked_present()
    {
        var (c, s, a, _, _) = Attended();
        c.RecordAttendance(s, [a.Id], "区", Today, Now);

        Assert.Contains("已有出勤记录，不能取消报名", Refused(() => c.Remove(a)).Message);
        Assert.Equal(3, c.Participants.Count);
    }

    [Fact]
    public void Should_remove_a_participant_only_marked_absent_with_their_marks()
    {
        var (c, s, a, b, _) = Attended();
        c.RecordAttendance(s, [a.Id], "区", Today, Now);
        var before = c.Version;

        c.Remove(b);

        Assert.DoesNotContain(b, c.Participants);
        Assert.DoesNotContain(s.Attendance, x => ReferenceEquals(x.Participant, b));
        Assert.Equal(2, s.Attendance.Count);
        Assert.NotEqual(before, c.Version);
    }

    [Fact]
    public void Should_refuse_to_remove_someone_not_in_the_class()
    {
        var (c, _, _, _, _) = Attended();
        var stranger = Saved(Enroll(NewClass(), Man()), 99);

        Assert.Contains("该学员不在本培训班", Refused(() => c.Remove(stranger)).Message);
    }
}
