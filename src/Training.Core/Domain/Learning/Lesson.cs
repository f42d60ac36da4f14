namespace Training.Core.Domain;

/// <summary>
/// One lesson of a course (LEARNING.md §1), in the course's order; required for the course's
/// completion unless optional. Its duration is never typed for a text (from its length) or a
/// video (read from the file); a file's is the author's, within 3 minutes a page. Made and changed
/// only through its course's verbs, so the course's version moves with every change.
/// </summary>
public sealed class Lesson
{
    public const int MaxTitle = 100;
    public const int MaxBody = 50_000;
    public const int MaxUrl = 500;

    private Lesson() { }

    internal Lesson(Course course, string title, LessonKind kind, int durationSeconds, bool optional, int order)
    {
        Course = course;
        Title = title;
        Kind = kind;
        DurationSeconds = durationSeconds;
        Optional = optional;
        Order = order;
    }

    public int Id { get; private set; }
    public int CourseId { get; private set; }
    public Course Course { get; private set; } = null!;
    public string Title { get; internal set; } = "";
    public LessonKind Kind { get; private set; }
    public int DurationSeconds { get; internal set; }
    public bool Optional { get; internal set; }
    /// <summary>1, 2, 3 … within the course.</summary>
    public int Order { get; internal set; }
    /// <summary>A text's Markdown (rendered and sanitised on the server when shown).</summary>
    public string? Body { get; internal set; }
    /// <summary>A file's or a video's name in the shared media folder: random, never what the uploader called it.</summary>
    public string? MediaName { get; private set; }
    public long? MediaBytes { get; private set; }
    /// <summary>A PDF's pages, which bound the duration its author may give it.</summary>
    public int? Pages { get; private set; }
    /// <summary>An external video's address (http or https).</summary>
    public string? Url { get; internal set; }

    /// <summary>A quiz's rules, kept as columns: how many questions an attempt draws, the pass mark, the attempts and the time limit.</summary>
    public int? QuizDrawCount { get; private set; }
    public int? QuizPassPercent { get; private set; }
    public int? QuizMaxAttempts { get; private set; }
    public int? QuizTimeLimitMinutes { get; private set; }

    /// <summary>A quiz lesson's rules; null for other kinds.</summary>
    public QuizRules? Rules => QuizDrawCount is { } draw && QuizPassPercent is { } pass
        ? QuizRules.Create(draw, pass, QuizMaxAttempts, QuizTimeLimitMinutes)
        : null;

    internal void SetRules(QuizRules rules)
    {
        if (Kind != LessonKind.Quiz) throw new DomainException("只有测验课时有测验规则。");
        (QuizDrawCount, QuizPassPercent, QuizMaxAttempts, QuizTimeLimitMinutes) = (rules.DrawCount, rules.PassPercent, rules.MaxAttempts, rules.TimeLimitMinutes);
    }

    /// <summary>A lesson's 学时 by its duration band; a quiz's are the course's quiz bonus, an external video earns none by time.</summary>
    public decimal Hours => Kind is LessonKind.Quiz or LessonKind.ExternalVideo ? 0 : StudyHours.ForLesson(DurationSeconds);

    /// <summary>Whether the learner's visible time is what completes it (with 已学完).</summary>
    public bool IsRead => Kind is LessonKind.Text or LessonKind.File;

    internal void Store(string storedName, long bytes, int? pages)
    {
        if (string.IsNullOrWhiteSpace(storedName)) throw new DomainException("请上传文件。", nameof(MediaName));
        if (bytes <= 0) throw new DomainException("上传的文件是空的。", nameof(MediaName));
        MediaName = storedName;
        MediaBytes = bytes;
        Pages = pages;
    }

    internal static string CheckedTitle(string? title)
    {
        var t = (title ?? "").Trim();
        if (t.Length == 0) throw new DomainException("请填写课时名称。", nameof(Title));
        if (t.Length > MaxTitle) throw new DomainException($"课时名称不能超过 {MaxTitle} 个字。", nameof(Title));
        return t;
    }

    internal static string CheckedBody(string? markdown)
    {
        var body = (markdown ?? "").Replace("\r\n", "\n").Trim();
        if (body.Length == 0) throw new DomainException("请填写课时正文。", nameof(Body));
        if (body.Length > MaxBody) throw new DomainException($"课时正文不能超过 {MaxBody:N0} 个字。", nameof(Body));
        return body;
    }

    internal static string CheckedUrl(string? url)
    {
        var u = (url ?? "").Trim();
        if (u.Length > MaxUrl || !Uri.TryCreate(u, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            throw new DomainException("请填写以 http:// 或 https:// 开头的视频网址。", nameof(Url));
        return parsed.AbsoluteUri;
    }

    internal static void CheckFileDuration(int pages, int durationSeconds)
    {
        if (pages <= 0) throw new DomainException("无法读出 PDF 的页数，请上传完整的 PDF 文件。", nameof(Pages));
        if (durationSeconds <= 0) throw new DomainException("请填写学习时长（分钟）。", nameof(DurationSeconds));
        if (durationSeconds > StudyHours.MaxFileSeconds(pages))
            throw new DomainException($"该文件共 {pages} 页，学习时长最多 {StudyHours.MaxFileSeconds(pages) / 60} 分钟（每页 3 分钟）。", nameof(DurationSeconds));
    }
}
