namespace Training.Core.Domain;

/// <summary>
/// An online course (LEARNING.md §1) of the city or a district, authored by its staff: a title, a
/// category, a description and ordered lessons, moving 草稿 → 已发布 → 已下架. Its 学时 are the sum
/// over its required lessons, plus 0.5 for a passed quiz where it says so: never typed.
/// </summary>
public sealed class Course : IVersioned
{
    public const int MaxTitle = 100;
    public const decimal QuizBonus = 0.5m;

    private readonly List<Lesson> _lessons = [];

    private Course() { }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public CourseCategory Category { get; private set; }
    public string? Description { get; private set; }
    /// <summary>The city or district whose staff author it.</summary>
    public int OwnerId { get; private set; }
    public OrgUnit Owner { get; private set; } = null!;
    public CourseState State { get; private set; }
    /// <summary>Whether a passed quiz adds <see cref="QuizBonus"/> 学时.</summary>
    public bool QuizEarnsHours { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<Lesson> Lessons => _lessons;

    public decimal Hours =>
        _lessons.Where(l => !l.Optional).Sum(l => l.Hours) + (QuizEarnsHours && _lessons.Any(l => l.Kind == LessonKind.Quiz) ? QuizBonus : 0);

    /// <summary>
    /// What completing the course earns a person who completed <paramref name="completedLessonIds"/>: null
    /// while a required lesson is not completed; otherwise the required lessons' 学时, plus the quiz bonus
    /// where the course says so and a quiz of it was passed.
    /// </summary>
    public decimal? HoursEarned(IReadOnlySet<int> completedLessonIds)
    {
        var required = _lessons.Where(l => !l.Optional).ToList();
        if (required.Count == 0 || !required.All(l => completedLessonIds.Contains(l.Id))) return null;
        var quizPassed = _lessons.Any(l => l.Kind == LessonKind.Quiz && completedLessonIds.Contains(l.Id));
        return required.Sum(l => l.Hours) + (QuizEarnsHours && quizPassed ? QuizBonus : 0);
    }

    public static Course Create(OrgUnit owner, string? title, CourseCategory category, string? description, bool quizEarnsHours)
    {
        if (owner.Level is not (OrgLevel.City or OrgLevel.District))
            throw new DomainException($"课程由市或区组织编写，“{owner.Name}”是{owner.Level.Name()}。");
        var c = new Course { Owner = owner, OwnerId = owner.Id, State = CourseState.Draft, Version = Guid.NewGuid() };
        c.Change(title, category, description, quizEarnsHours);
        return c;
    }

    public void Change(string? title, CourseCategory category, string? description, bool quizEarnsHours)
    {
        var t = (title ?? "").Trim();
        if (t.Length == 0) throw new DomainException("请填写课程名称。", nameof(Title));
        if (t.Length > MaxTitle) throw new DomainException($"课程名称不能超过 {MaxTitle} 个字。", nameof(Title));
        if (!Enum.IsDefined(category)) throw new DomainException("请选择课程类别。", nameof(Category));
        Title = t;
        Category = category;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        QuizEarnsHours = quizEarnsHours;
        Touch();
    }

    /// <summary>文本: Markdown written in the portal; its duration follows its length (300 characters a minute).</summary>
    public Lesson AddText(string? title, string? markdown, bool optional)
    {
        var body = Lesson.CheckedBody(markdown);
        var lesson = Add(title, LessonKind.Text, StudyHours.TextSeconds(body), optional);
        lesson.Body = body;
        return lesson;
    }

    /// <summary>文件: a stored PDF of <paramref name="pages"/> pages; the author says how long it takes, at most 3 minutes a page.</summary>
    public Lesson AddFile(string? title, string storedName, long bytes, int pages, int durationSeconds, bool optional)
    {
        Lesson.CheckFileDuration(pages, durationSeconds);
        var lesson = Add(title, LessonKind.File, durationSeconds, optional);
        lesson.Store(storedName, bytes, pages);
        return lesson;
    }

    /// <summary>视频: a stored MP4 whose duration was read from the file, never typed.</summary>
    public Lesson AddVideo(string? title, string storedName, long bytes, int durationSeconds, bool optional)
    {
        if (durationSeconds <= 0) throw new DomainException("无法从视频文件读出时长，请上传完整的 MP4 文件。", nameof(Lesson.DurationSeconds));
        var lesson = Add(title, LessonKind.Video, durationSeconds, optional);
        lesson.Store(storedName, bytes, null);
        return lesson;
    }

    /// <summary>An external video link: watched elsewhere, it earns 学时 only through the course's quiz.</summary>
    public Lesson AddExternalVideo(string? title, string? url, bool optional)
    {
        var link = Lesson.CheckedUrl(url);
        var lesson = Add(title, LessonKind.ExternalVideo, 0, optional);
        lesson.Url = link;
        return lesson;
    }

    /// <summary>测验: drawn from the course's question bank by <paramref name="rules"/>; completes when passed.</summary>
    public Lesson AddQuiz(string? title, QuizRules rules, bool optional)
    {
        var lesson = Add(title, LessonKind.Quiz, 0, optional);
        lesson.SetRules(rules);
        return lesson;
    }

    /// <summary>Changes a quiz's rules; attempts already started keep the pass mark they started with.</summary>
    public void ChangeRules(Lesson quiz, QuizRules rules)
    {
        Own(quiz);
        if (State == CourseState.Withdrawn) throw new DomainException("已下架的课程不能再修改。");
        quiz.SetRules(rules);
        Touch();
    }

    /// <summary>Changes a lesson's title and whether it is required; a text's words (and so its duration) too.</summary>
    public void ChangeLesson(Lesson lesson, string? title, bool optional, string? markdown)
    {
        Own(lesson);
        if (State == CourseState.Withdrawn) throw new DomainException("已下架的课程不能再修改。");
        var checkedTitle = Lesson.CheckedTitle(title);
        var body = lesson.Kind == LessonKind.Text ? Lesson.CheckedBody(markdown) : null;
        if (State == CourseState.Published && !_lessons.Any(l => !(l == lesson ? optional : l.Optional)))
            throw new DomainException("已发布的课程至少要有一个必学课时。", nameof(Lesson.Optional));
        lesson.Title = checkedTitle;
        lesson.Optional = optional;
        if (body is not null)
        {
            lesson.Body = body;
            lesson.DurationSeconds = StudyHours.TextSeconds(body);
        }
        Touch();
    }

    /// <summary>Removes a lesson while the course is a draft (once published, learners may have studied it); the rest close up.</summary>
    public void RemoveLesson(Lesson lesson)
    {
        Own(lesson);
        if (State != CourseState.Draft) throw new DomainException("课程发布后不能删除课时，可将其设为选学。");
        _lessons.Remove(lesson);
        for (var i = 0; i < _lessons.Count; i++) _lessons[i].Order = i + 1;
        Touch();
    }

    /// <summary>Moves a lesson one place up (−1) or down (+1).</summary>
    public void Move(Lesson lesson, int step)
    {
        Own(lesson);
        var order = _lessons.ToList();
        var at = order.IndexOf(lesson);
        var to = Math.Clamp(at + Math.Sign(step), 0, order.Count - 1);
        order.RemoveAt(at);
        order.Insert(to, lesson);
        Reorder(order);
    }

    private Lesson Add(string? title, LessonKind kind, int durationSeconds, bool optional)
    {
        if (State == CourseState.Withdrawn) throw new DomainException("已下架的课程不能再添加课时。");
        var lesson = new Lesson(this, Lesson.CheckedTitle(title), kind, durationSeconds, optional, _lessons.Count + 1);
        _lessons.Add(lesson);
        Touch();
        return lesson;
    }

    private void Own(Lesson lesson)
    {
        if (!_lessons.Contains(lesson)) throw new DomainException("该课时不属于本课程。");
    }

    /// <summary>Puts the lessons in the given order (every lesson once); their numbers follow.</summary>
    public void Reorder(IReadOnlyList<Lesson> order)
    {
        if (order.Count != _lessons.Count || order.Distinct().Count() != _lessons.Count || order.Any(l => !_lessons.Contains(l)))
            throw new DomainException("课时顺序应包含本课程的每个课时各一次。");
        for (var i = 0; i < order.Count; i++) order[i].Order = i + 1;
        _lessons.Sort((a, b) => a.Order.CompareTo(b.Order));
        Touch();
    }

    public void Publish()
    {
        if (State == CourseState.Published) return;
        if (!_lessons.Any(l => !l.Optional)) throw new DomainException("课程至少要有一个必学课时才能发布。");
        State = CourseState.Published;
        Touch();
    }

    /// <summary>已下架: no longer studied; every credit already given stays.</summary>
    public void Withdraw()
    {
        if (State != CourseState.Published) throw new DomainException("只有已发布的课程可以下架。");
        State = CourseState.Withdrawn;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
