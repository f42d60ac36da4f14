using System.Globalization;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import;

namespace Training.Web.Features.Learning.Courses.Quiz;

/// <summary>
/// Reads a course's question bank from sheet 题库 (<see cref="QuestionColumns"/>), all or nothing:
/// every row is checked by <see cref="Question.Create"/> and every error of every row is returned
/// at once, with the row number Excel shows and the column named; the questions come back only when
/// there is none. The header must be the template's, in its order (columns to its right are ignored):
/// a bank typed against another layout would put stems in the wrong cells, so it is refused whole.
/// Blank rows are skipped. Saving is the page's.
/// </summary>
public static class QuestionImport
{
    public const int MaxQuestions = 1_000;

    /// <summary>A thousand questions take well under a megabyte; the page checks the cap before the file is parsed.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    public const string Sheet = QuestionColumns.Sheet;
    public static IReadOnlyList<string> Columns => QuestionColumns.All;

    /// <summary>The questions read (none when there is an error), or why not.</summary>
    public sealed record Outcome(IReadOnlyList<Question> Questions, IReadOnlyList<ImportError> Errors);

    public static async Task<Outcome> ReadAsync(Stream xlsx, int courseId, CancellationToken ct = default)
    {
        await using var copy = await WorkbookReader.SeekableCopyAsync(xlsx, ct);
        var stream = copy ?? xlsx;
        if (stream.Length - stream.Position == 0) return Refused(ImportError.File(ImportTexts.Empty));
        using var book = WorkbookReader.TryOpen(stream, out var openError);
        if (book is null) return Refused(ImportError.File(openError!));
        if (!book.HasSheet(Sheet)) return Refused(new ImportError(Sheet, 0, "", QuestionImportTexts.NoSheet(book.SheetNames)));
        if (HeaderError(book) is { } wrongHeader) return Refused(wrongHeader);

        var errors = new List<ImportError>();
        var questions = new List<Question>();
        var rows = 0;
        foreach (var row in book.Rows(Sheet, Columns, errors))
        {
            if (++rows > MaxQuestions) return Refused(new ImportError(Sheet, 0, "", QuestionImportTexts.TooMany(MaxQuestions)));
            ct.ThrowIfCancellationRequested();
            if (Read(row, courseId, errors) is { } question) questions.Add(question);
        }
        if (rows == 0 && errors.Count == 0) return Refused(new ImportError(Sheet, 0, "", QuestionImportTexts.NoQuestions));
        return errors.Count > 0 ? new Outcome([], errors) : new Outcome(questions, []);
    }

    /// <summary>The first non-blank row must hold the headers in order; the first that differs is the error.</summary>
    private static ImportError? HeaderError(WorkbookReader book)
    {
        foreach (var (row, cells) in book.AllRows(Sheet))
        {
            var texts = cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)?.Trim() ?? "").ToList();
            if (texts.All(t => t.Length == 0)) continue;
            for (var i = 0; i < Columns.Count; i++)
            {
                var found = i < texts.Count ? texts[i] : "";
                if (found != Columns[i]) return new ImportError(Sheet, row, Columns[i], QuestionImportTexts.WrongHeader(i + 1, Columns[i], found));
            }
            return null;
        }
        return new ImportError(Sheet, 0, "", QuestionImportTexts.NoHeader);
    }

    private static Question? Read(SheetRow row, int courseId, List<ImportError> errors)
    {
        var kindText = row.Text(QuestionColumns.Kind);
        if (kindText is null || !QuestionKindNames.TryParse(kindText, out var kind))
        {
            errors.Add(row.Error(QuestionColumns.Kind, kindText is null ? QuestionImportTexts.KindRequired : QuestionImportTexts.NotAKind(kindText)));
            return null; // the kind decides what the other cells must hold
        }

        var options = QuestionColumns.Options.Select(row.Text).ToList();
        var optionCount = kind == QuestionKind.TrueFalse ? Question.TrueFalseOptions.Count : options.FindLastIndex(o => o is not null) + 1;
        var answerText = row.Text(QuestionColumns.Answer);
        List<int>? correct = null;
        if (answerText is null) errors.Add(row.Error(QuestionColumns.Answer, QuestionImportTexts.AnswerRequired(kind)));
        else if (Question.TryParseAnswer(kind, answerText, optionCount, out var parsed)) correct = parsed;
        // Too few options is the options' error (Create says so); an answer cannot be judged against them.
        else if (optionCount >= Question.MinOptions) errors.Add(row.Error(QuestionColumns.Answer, QuestionImportTexts.NotAnAnswer(kind, answerText, optionCount)));

        // Without a readable answer the row is still checked, with a stand-in answer, so its other mistakes are listed too.
        Question? question = null;
        var created = ImportError.TryRow(errors, Sheet, row.Number, e => ColumnOf(e, optionCount), () =>
            question = Question.Create(courseId, kind, row.Text(QuestionColumns.Stem), options, correct ?? StandIn(kind), row.Text(QuestionColumns.Explanation)));
        return created && correct is not null ? question : null;
    }

    private static List<int> StandIn(QuestionKind kind) => kind == QuestionKind.Multiple ? [0, 1] : [0];

    /// <summary>
    /// The column a broken rule is about. For an option, the first one its message names (the headers are the
    /// domain's 选项A …); a message naming none (too few options) is about the first option left blank.
    /// </summary>
    private static string ColumnOf(DomainException e, int optionCount) => e.Field switch
    {
        nameof(Question.Kind) => QuestionColumns.Kind,
        nameof(Question.Options) => QuestionColumns.Options
            .Select(o => (Column: o, At: e.Message.IndexOf(o, StringComparison.Ordinal)))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At)
            .Select(x => x.Column)
            .FirstOrDefault() ?? QuestionColumns.Options[Math.Min(optionCount, QuestionColumns.Options.Count - 1)],
        nameof(Question.Correct) => QuestionColumns.Answer,
        nameof(Question.Explanation) => QuestionColumns.Explanation,
        _ => QuestionColumns.Stem,
    };

    private static Outcome Refused(ImportError error) => new([], [error]);
}
