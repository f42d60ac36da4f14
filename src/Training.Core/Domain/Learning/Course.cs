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

    public Lesson AddLesson(string? title, LessonKind kind, int durationSeconds, bool optional)
    {
        if (State == CourseState.Withdrawn) throw new DomainException("已下架的课程不能再添加课时。");
        var t = (title ?? "").Trim();
        if (t.Length == 0) throw new DomainException("请填写课时名称。", nameof(Lesson.Title));
        if (t.Length > Lesson.MaxTitle) throw new DomainException($"课时名称不能超过 {Lesson.MaxTitle} 个字。", nameof(Lesson.Title));
        if (durationSeconds < 0) throw new DomainException("课时长度不能为负数。");
        var lesson = new Lesson(this, t, kind, durationSeconds, optional, _lessons.Count + 1);
        _lessons.Add(lesson);
        Touch();
        return lesson;
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
