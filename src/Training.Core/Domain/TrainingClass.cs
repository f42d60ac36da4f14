namespace Training.Core.Domain;

/// <summary>
/// 培训班 (e.g. 农村女干部培训班), run by the city or a district (<see cref="Owner"/>): dates,
/// audience (a sex read from the ID number and/or cadres/reserves), capacity, sessions,
/// participants and attendance per session. A participant completes the class when the
/// sessions attended reach <see cref="CompletionPercent"/> of all its sessions.
/// Every change moves <see cref="Version"/>, so two staff enrolling at once cannot overfill it.
/// </summary>
public class TrainingClass : IVersioned, IDatedPeriod
{
    public const int MaxName = 100;
    public const int MaxCapacity = 2000;
    public const int MaxSessions = 100;
    public const int DefaultCompletionPercent = 80;
    public const int MaxRequiredItems = 20;
    public const decimal MaxConditionHours = 1000;

    private readonly List<ClassSession> _sessions = [];
    private readonly List<ClassParticipant> _participants = [];
    private readonly List<ClassRequiredCourse> _requiredCourses = [];
    private readonly List<ClassRequiredQuiz> _requiredQuizzes = [];

    private TrainingClass() { Name = CreatedBy = ""; }

    public int Id { get; private set; }
    public string Name { get; private set; }
    /// <summary>The city or district that runs the class; persons enrolled must belong under it.</summary>
    public int OwnerId { get; private set; }
    public OrgUnit Owner { get; private set; } = null!;
    public DateOnly StartOn { get; private set; }
    public DateOnly EndOn { get; private set; }
    public int Capacity { get; private set; }
    /// <summary>Only this sex may enrol (read from the ID number's 17th digit); null: either.</summary>
    public Sex? SexOnly { get; private set; }
    public ClassAudience Audience { get; private set; }
    /// <summary>Share of the sessions a participant must attend to complete the class (1–100).</summary>
    public int CompletionPercent { get; private set; }
    public string? Description { get; private set; }
    /// <summary>必修学时 a participant must earn within the class's dates to graduate; null: no such condition.</summary>
    public decimal? RequiredHours { get; private set; }
    /// <summary>选修学时 a participant must earn within the class's dates to graduate; null: no such condition.</summary>
    public decimal? ElectiveHours { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid Version { get; private set; }

    public IReadOnlyList<ClassSession> Sessions => _sessions;
    public IReadOnlyList<ClassParticipant> Participants => _participants;
    public IReadOnlyList<ClassRequiredCourse> RequiredCourses => _requiredCourses;
    public IReadOnlyList<ClassRequiredQuiz> RequiredQuizzes => _requiredQuizzes;

    public string AudienceText => ClassAudienceNames.Describe(SexOnly, Audience);

    public static TrainingClass Create(
        OrgUnit owner, string? name, DateOnly startOn, DateOnly endOn, int capacity, Sex? sexOnly,
        ClassAudience audience, int completionPercent, string? description, string actor, DateTime now)
    {
        if (owner.Level is not (OrgLevel.City or OrgLevel.District))
            throw new DomainException($"培训班由市或区举办，“{owner.Name}”是{owner.Level.Name()}。");
        var c = new TrainingClass { Owner = owner, OwnerId = owner.Id, CreatedBy = actor, CreatedAt = now };
        c.Apply(name, startOn, endOn, capacity, sexOnly, audience, completionPercent, description);
        return c;
    }

    /// <summary>
    /// Changes the class's terms (needs participants and sessions loaded): the capacity cannot
    /// drop below those enrolled, nor the dates leave out a session or the audience exclude
    /// someone already enrolled by sex.
    /// </summary>
    public void Change(string? name, DateOnly startOn, DateOnly endOn, int capacity, Sex? sexOnly,
        ClassAudience audience, int completionPercent, string? description)
    {
        if (capacity < _participants.Count)
            throw new DomainException($"已有 {_participants.Count} 名学员，人数上限不能低于该数。");
        if (_sessions.Any(s => s.On < startOn || s.On > endOn))
            throw new DomainException("已有课次不在新的起止日期内，请先调整课次。");
        if (sexOnly is { } sex && _participants.Any(p => p.Person.Sex != sex))
            throw new DomainException($"已有非{sex.Name()}性学员，不能改为仅限{sex.Name()}性。");
        Apply(name, startOn, endOn, capacity, sexOnly, audience, completionPercent, description);
    }

    private void Apply(string? name, DateOnly startOn, DateOnly endOn, int capacity, Sex? sexOnly,
        ClassAudience audience, int completionPercent, string? description)
    {
        if (endOn < startOn) throw new DomainException("结束日期不能早于开始日期。");
        if (endOn > startOn.AddYears(1)) throw new DomainException("一期培训班不能超过一年。");
        if (capacity < 1 || capacity > MaxCapacity) throw new DomainException($"人数上限应在 1 到 {MaxCapacity} 之间。");
        if (completionPercent < 1 || completionPercent > 100) throw new DomainException("结业出勤率应在 1% 到 100% 之间。");
        if (sexOnly is { } s && !Enum.IsDefined(s)) throw new DomainException("性别要求只能是男、女或不限。");
        if (!Enum.IsDefined(audience)) throw new DomainException("请选择招收对象。");
        var text = (description ?? "").Trim();
        if (text.Length > RecordText.Max) throw new DomainException($"培训班说明不能超过{RecordText.Max}字。");
        Name = RecordText.Short(name, "培训班名称", MaxName);
        StartOn = startOn;
        EndOn = endOn;
        Capacity = capacity;
        SexOnly = sexOnly;
        Audience = audience;
        CompletionPercent = completionPercent;
        Description = text.Length == 0 ? null : text;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Sets the graduation conditions beyond attendance (LEARNING.md §6; the requirements loaded, the courses'
    /// and quizzes' owners loaded): 必修 and 选修 hours within the class's dates (null: none), required courses
    /// and quizzes. A course or quiz must be published by the class's own unit or one above it, so that every
    /// participant can open it.
    /// </summary>
    public void SetConditions(decimal? requiredHours, decimal? electiveHours, IReadOnlyCollection<Course> courses, IReadOnlyCollection<Lesson> quizzes)
    {
        CheckHours(requiredHours, "必修学时", nameof(RequiredHours));
        CheckHours(electiveHours, "选修学时", nameof(ElectiveHours));
        if (courses.Count > MaxRequiredItems) throw new DomainException($"必修课程最多选 {MaxRequiredItems} 门。", nameof(RequiredCourses));
        if (quizzes.Count > MaxRequiredItems) throw new DomainException($"须通过的测验最多选 {MaxRequiredItems} 个。", nameof(RequiredQuizzes));
        foreach (var course in courses)
            if (!Reachable(course))
                throw new DomainException($"课程“{course.Title}”不是本班举办单位或上级已发布的课程，学员无法学习。", nameof(RequiredCourses));
        foreach (var quiz in quizzes)
        {
            if (quiz.Kind != LessonKind.Quiz) throw new DomainException($"“{quiz.Title}”不是测验。", nameof(RequiredQuizzes));
            if (!Reachable(quiz.Course))
                throw new DomainException($"测验“{quiz.Title}”所在课程不是本班举办单位或上级已发布的课程，学员无法参加。", nameof(RequiredQuizzes));
        }
        RequiredHours = requiredHours;
        ElectiveHours = electiveHours;
        _requiredCourses.RemoveAll(r => courses.All(c => c.Id != r.CourseId));
        foreach (var course in courses.Where(c => _requiredCourses.All(r => r.CourseId != c.Id)).DistinctBy(c => c.Id))
            _requiredCourses.Add(new ClassRequiredCourse(this, course));
        _requiredQuizzes.RemoveAll(r => quizzes.All(q => q.Id != r.LessonId));
        foreach (var quiz in quizzes.Where(q => _requiredQuizzes.All(r => r.LessonId != q.Id)).DistinctBy(q => q.Id))
            _requiredQuizzes.Add(new ClassRequiredQuiz(this, quiz));
        Version = Guid.NewGuid();
    }

    private bool Reachable(Course course) => course.State == CourseState.Published && course.Owner.Contains(Owner);

    private static void CheckHours(decimal? hours, string what, string field)
    {
        if (hours is not { } h) return;
        if (h <= 0 || h > MaxConditionHours) throw new DomainException($"{what}应大于 0 且不超过 {MaxConditionHours:0}。", field);
        if (h != decimal.Round(h * 2) / 2) throw new DomainException($"{what}以 0.5 为单位。", field);
    }

    public ClassSession AddSession(DateOnly on, string? title, SessionLength length = SessionLength.FullDay)
    {
        if (!Enum.IsDefined(length)) throw new DomainException("请选择课次时长（全天或半天）。", nameof(ClassSession.Length));
        if (on < StartOn || on > EndOn)
            throw new DomainException($"课次日期应在培训班起止日期（{StartOn:yyyy-MM-dd} 至 {EndOn:yyyy-MM-dd}）之内。");
        if (_sessions.Count >= MaxSessions) throw new DomainException($"一期培训班最多 {MaxSessions} 个课次。");
        var session = new ClassSession(this, on, RecordText.Short(title, "课次名称", MaxName), length);
        _sessions.Add(session);
        Version = Guid.NewGuid();
        return session;
    }

    /// <summary>Removes a session on which no attendance has been taken yet (its attendance loaded).</summary>
    public void RemoveSession(ClassSession session)
    {
        if (!_sessions.Contains(session)) throw new DomainException("该课次不属于本培训班。");
        if (session.Attendance.Count > 0) throw new DomainException("该课次已登记考勤，不能删除。");
        _sessions.Remove(session);
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Enrols a person (participants loaded; the person's village and posts loaded;
    /// <paramref name="reservesOfPerson"/> the person's reserve candidacies when the audience
    /// asks for reserves). Refused: outside the owner, already enrolled, the class full or
    /// over, the wrong sex by the ID number, not a cadre/reserve as the audience asks.
    /// </summary>
    public ClassParticipant Enroll(Person person, IEnumerable<ReserveCandidate> reservesOfPerson, string actor, DateOnly today, DateTime now)
    {
        if (today > EndOn) throw new DomainException($"培训班已于 {EndOn:yyyy-MM-dd} 结束，不能再报名。");
        if (!Owner.Contains(person.Village))
            throw new DomainException($"{person.Name}不属于{Owner.Name}，本班只招收{Owner.Name}的学员。");
        if (_participants.Any(p => p.PersonId == person.Id && (person.Id != 0 || ReferenceEquals(p.Person, person))))
            throw new DomainException($"{person.Name}已报名本培训班。");
        if (_participants.Count >= Capacity)
            throw new DomainException($"培训班已满（上限 {Capacity} 人），不能再报名。");
        if (SexOnly is { } sex && person.Sex != sex)
            throw new DomainException($"本班仅限{sex.Name()}性学员，{person.Name}的身份证号显示为{person.Sex.Name()}性。");
        var cadre = person.IsTwoCommitteeCadreOn(today);
        var reserve = reservesOfPerson.Any(r => r.IsInPoolOn(today));
        var fits = Audience switch
        {
            ClassAudience.Cadres => cadre,
            ClassAudience.Reserves => reserve,
            ClassAudience.CadresOrReserves => cadre || reserve,
            _ => true,
        };
        if (!fits) throw new DomainException($"本班招收对象为{Audience.Name()}，{person.Name}目前不是。");
        var participant = new ClassParticipant(this, person, today, actor, now);
        _participants.Add(participant);
        Version = Guid.NewGuid();
        return participant;
    }

    /// <summary>Takes a participant off the class, if no session has them marked present (attendance loaded).</summary>
    public void Remove(ClassParticipant participant)
    {
        if (!_participants.Contains(participant)) throw new DomainException("该学员不在本培训班。");
        if (_sessions.Any(s => s.Attendance.Any(a => a.Present && SameParticipant(a, participant))))
            throw new DomainException($"{participant.Person.Name}已有出勤记录，不能取消报名。");
        foreach (var s in _sessions) s.Forget(participant);
        _participants.Remove(participant);
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Takes attendance for one session (participants and that session's attendance loaded):
    /// every participant present or absent as listed; again on the same session, the marks are
    /// replaced. Not before the session's day.
    /// </summary>
    /// <summary>Takes attendance; returns the participants whose being present changed, for the 学时 ledger to credit or reverse.</summary>
    public IReadOnlyList<AttendanceChange> RecordAttendance(ClassSession session, IReadOnlyCollection<int> presentParticipantIds, string actor, DateOnly today, DateTime now)
    {
        if (!_sessions.Contains(session)) throw new DomainException("该课次不属于本培训班。");
        if (session.On > today) throw new DomainException($"该课次在 {session.On:yyyy-MM-dd}，当天起才能登记考勤。");
        var unknown = presentParticipantIds.Where(id => _participants.All(p => p.Id != id)).ToList();
        if (unknown.Count > 0) throw new DomainException("考勤名单中有不属于本培训班的学员，请刷新后重新登记。");
        var changes = new List<AttendanceChange>();
        foreach (var p in _participants)
        {
            var present = presentParticipantIds.Contains(p.Id);
            if (session.Mark(p, present, actor, now)) changes.Add(new AttendanceChange(p, present));
        }
        Version = Guid.NewGuid();
        return changes;
    }

    /// <summary>Completed when attended × 100 ≥ threshold × sessions (no sessions: not completed).</summary>
    public static bool Completes(int attended, int sessions, int completionPercent) =>
        sessions > 0 && attended * 100 >= completionPercent * sessions;

    /// <summary>
    /// The share of the sessions attended, in whole percent rounded down, so that it never shows
    /// the threshold before <see cref="Completes"/> holds; null without sessions.
    /// </summary>
    public static int? AttendancePercent(int attended, int sessions) => sessions == 0 ? null : attended * 100 / sessions;

    /// <summary>The sessions a participant was marked present at (attendance loaded).</summary>
    public int AttendedBy(ClassParticipant participant) =>
        _sessions.Count(s => s.Attendance.Any(a => a.Present && SameParticipant(a, participant)));

    private static bool SameParticipant(SessionAttendance a, ClassParticipant p) =>
        ReferenceEquals(a.Participant, p) || (p.Id != 0 && a.ParticipantId == p.Id);
}
