namespace Training.Core.Domain;

/// <summary>
/// One question of a course's bank (LEARNING.md §4): a stem, its options, the right ones and an
/// explanation. The right answers are kept here and scored on the server only, so the page never
/// needs them before an attempt is submitted. Options are compared by their original index: an
/// attempt shuffles what it shows and maps the learner's choices back (see <see cref="QuizItem"/>).
/// </summary>
public sealed class Question : IVersioned
{
    public const int MaxStem = 500, MaxOption = 200, MaxExplanation = 1000, MinOptions = 2, MaxOptions = 8;

    /// <summary>A 判断题's options, 正确 first: never typed, never shuffled.</summary>
    public static readonly IReadOnlyList<string> TrueFalseOptions = ["正确", "错误"];

    private static readonly string[] TrueWords = ["正确", "对", "√", "✓", "✔", "T", "TRUE", "是", "A"];
    private static readonly string[] FalseWords = ["错误", "错", "×", "✗", "✘", "X", "F", "FALSE", "否", "B"];
    private static readonly char[] AnswerSeparators = [',', ';', '、', ' ', '\t', '/'];

    private Question() { }

    public int Id { get; private set; }
    public int CourseId { get; private set; }
    public QuestionKind Kind { get; private set; }
    public string Stem { get; private set; } = "";
    /// <summary>In the author's order; A is index 0.</summary>
    public List<string> Options { get; private set; } = [];
    /// <summary>0-based indexes into <see cref="Options"/>, ascending, no repeats.</summary>
    public List<int> Correct { get; private set; } = [];
    public string? Explanation { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>A, B, C … for option 0, 1, 2 ….</summary>
    public static string Letter(int index) => ((char)('A' + index)).ToString();

    /// <summary>
    /// A new question. For a 判断题 the options given are ignored (always 正确/错误); for a choice,
    /// blank options at the end are dropped first, so a spreadsheet's empty 选项E/F columns are no error.
    /// </summary>
    public static Question Create(int courseId, QuestionKind kind, string? stem, IReadOnlyList<string?> options,
        IReadOnlyList<int> correct, string? explanation)
    {
        var q = new Question { CourseId = courseId };
        q.Change(kind, stem, options, correct, explanation);
        return q;
    }

    /// <summary>Rewrites the question under the same rules as <see cref="Create"/>; the version moves.</summary>
    public void Change(QuestionKind kind, string? stem, IReadOnlyList<string?> options, IReadOnlyList<int> correct, string? explanation)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("请选择题型。", nameof(Kind));
        var s = (stem ?? "").Trim();
        if (s.Length == 0) throw new DomainException("请填写题干。", nameof(Stem));
        if (s.Length > MaxStem) throw new DomainException($"题干不能超过 {MaxStem} 个字。", nameof(Stem));
        var opts = kind == QuestionKind.TrueFalse ? [.. TrueFalseOptions] : ValidOptions(kind, options);
        var right = ValidCorrect(kind, correct, opts.Count);
        var e = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim();
        if (e?.Length > MaxExplanation) throw new DomainException($"解析不能超过 {MaxExplanation} 个字。", nameof(Explanation));

        Kind = kind;
        Stem = s;
        Options = opts;
        Correct = right;
        Explanation = e;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Reads an answer as typed in a spreadsheet. A choice: letters, together or separated by commas,
    /// 、, semicolons or spaces ("A", "abd", "A,B,D", "Ａ、Ｂ"), each within the options. A 判断题:
    /// 正确/对/√/T/是 (or A) is 0, 错误/错/×/F/否 (or B) is 1. How many answers a kind allows is
    /// left to <see cref="Create"/>, whose message says what is wrong.
    /// </summary>
    public static bool TryParseAnswer(QuestionKind kind, string? text, int optionCount, out List<int> correct)
    {
        correct = [];
        var t = Normalize(text);
        if (t.Length == 0) return false;

        if (kind == QuestionKind.TrueFalse)
        {
            if (TrueWords.Contains(t)) correct = [0];
            else if (FalseWords.Contains(t)) correct = [1];
            return correct.Count == 1;
        }

        var found = new SortedSet<int>();
        foreach (var c in string.Concat(t.Split(AnswerSeparators, StringSplitOptions.RemoveEmptyEntries)))
        {
            var i = c - 'A';
            if (i < 0 || i >= Math.Min(optionCount, MaxOptions)) return false;
            found.Add(i);
        }
        correct = [.. found];
        return correct.Count > 0;
    }

    private static List<string> ValidOptions(QuestionKind kind, IReadOnlyList<string?> options)
    {
        var opts = options.Select(o => (o ?? "").Trim()).ToList();
        while (opts.Count > 0 && opts[^1].Length == 0) opts.RemoveAt(opts.Count - 1);
        if (opts.Count < MinOptions) throw new DomainException($"{kind.Name()}至少要有 {MinOptions} 个选项。", nameof(Options));
        if (opts.Count > MaxOptions) throw new DomainException($"最多只能有 {MaxOptions} 个选项。", nameof(Options));
        for (var i = 0; i < opts.Count; i++)
        {
            if (opts[i].Length == 0) throw new DomainException($"选项{Letter(i)}不能为空。", nameof(Options));
            if (opts[i].Length > MaxOption) throw new DomainException($"选项{Letter(i)}不能超过 {MaxOption} 个字。", nameof(Options));
            var first = opts.IndexOf(opts[i]);
            if (first < i) throw new DomainException($"选项{Letter(i)}与选项{Letter(first)}重复。", nameof(Options));
        }
        return opts;
    }

    private static List<int> ValidCorrect(QuestionKind kind, IReadOnlyList<int> correct, int optionCount)
    {
        var right = correct.Distinct().Order().ToList();
        if (right.Count == 0) throw new DomainException("请给出正确答案。", nameof(Correct));
        if (right.Any(i => i < 0 || i >= optionCount)) throw new DomainException("正确答案应是已有的选项。", nameof(Correct));
        if (kind != QuestionKind.Multiple && right.Count != 1)
            throw new DomainException($"{kind.Name()}只能有一个正确答案。", nameof(Correct));
        if (kind == QuestionKind.Multiple && right.Count < 2)
            throw new DomainException("多选题至少要有两个正确答案。", nameof(Correct));
        return right;
    }

    /// <summary>Full-width letters and punctuation as half-width, upper case, trimmed.</summary>
    private static string Normalize(string? text)
    {
        var chars = (text ?? "").Select(c => c switch
        {
            '\u3000' => ' ',
            >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
            _ => c,
        });
        return string.Concat(chars).Trim().ToUpperInvariant();
    }
}
