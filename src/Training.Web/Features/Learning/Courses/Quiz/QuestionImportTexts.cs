using Training.Core.Domain;

namespace Training.Web.Features.Learning.Courses.Quiz;

/// <summary>What the question bank's import and its template say, in one place to be reviewed.</summary>
public static class QuestionImportTexts
{
    // The upload
    public const string NoFile = "请选择要上传的题库文件（.xlsx）。";
    public static string TooLarge(long megabytes) => $"文件超过 {megabytes} MB，请删去不需要的内容或把题目分成几个文件，分别导入。";
    public const string TemplateFileName = "题库模板.xlsx";

    // The file as a whole
    public static string NoSheet(IEnumerable<string> sheets) =>
        $"工作簿中没有“{QuestionColumns.Sheet}”工作表（现有：{string.Join("、", sheets)}）。题目应在名为“{QuestionColumns.Sheet}”的工作表中，请下载模板后填写。";
    public static string NoHeader => $"“{QuestionColumns.Sheet}”工作表是空的，第一行应为表头：{HeaderList}";
    public static string WrongHeader(int position, string expected, string? found) =>
        $"表头第 {position} 列应为“{expected}”，现为{(string.IsNullOrEmpty(found) ? "空" : $"“{found}”")}。表头应依次为：{HeaderList}（请下载模板后填写）";
    public const string NoQuestions = "表中没有题目：请在表头下方每行填写一道题。";
    public static string TooMany(int max) => $"一次最多导入 {max:N0} 道题，请把题目分成几个文件，分别导入。";

    // A row
    public static string KindRequired => $"不能为空，应为：{string.Join("、", QuestionColumns.KindNames)}";
    public static string NotAKind(string text) => $"“{text}”不是题型，应为：{string.Join("、", QuestionColumns.KindNames)}";
    public static string AnswerRequired(QuestionKind kind) => kind == QuestionKind.TrueFalse
        ? "不能为空，判断题请填“正确”或“错误”"
        : $"不能为空，请填正确选项的字母{(kind == QuestionKind.Multiple ? "（多选题如 ABD）" : "（如 B）")}";
    public static string NotAnAnswer(QuestionKind kind, string text, int optionCount) => kind == QuestionKind.TrueFalse
        ? $"“{text}”不是判断题的答案，应为“正确”或“错误”（也可填 对/错、√/×）"
        : $"“{text}”不是有效的答案：应填正确选项的字母，本题的选项为 A～{Question.Letter(optionCount - 1)}";

    // Done
    public const string Audit = "导入题库";
    public static string Refused(int errors) => $"文件中有 {errors} 处错误，未导入任何题目。请按下表改正后重新上传。";
    public static string Counts(IReadOnlyCollection<Question> questions) =>
        $"{questions.Count} 道题（" + string.Join("、", QuestionKindNames.All.Select(k => $"{k.Name} {questions.Count(q => q.Kind == k.Value)} 道")) + "）";
    public static string Detail(string fileName, IReadOnlyCollection<Question> questions) => $"从“{fileName}”导入 {Counts(questions)}";
    public static string Imported(string course, IReadOnlyCollection<Question> questions) => $"已向课程“{course}”的题库导入 {Counts(questions)}。";

    private static string HeaderList => string.Join(" | ", QuestionColumns.All);

    /// <summary>The template's example rows, one of each kind, in the order of <see cref="QuestionColumns.All"/>.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string?>> Examples =
    [
        ["单选题", "村民委员会每届任期为几年？", "三年", "四年", "五年", "六年", null, null, "C",
            "依照《中华人民共和国村民委员会组织法》，村民委员会每届任期五年，届满应当及时举行换届选举。"],
        ["多选题", "下列哪些事项应当提交村民会议或村民代表会议讨论决定？", "本村享受误工补贴的人员及补贴标准", "村集体经济项目的立项和承包方案",
            "宅基地的使用方案", "村干部个人的请假安排", null, null, "ABC",
            "涉及村民利益的重大事项须经村民会议或村民代表会议讨论决定，即“四议两公开”中的民主决策环节。"],
        ["判断题", "村务公开中，一般事项至少每季度公布一次，涉及村民利益的重大事项应当随时公布。", null, null, null, null, null, null, "正确",
            "依照《中华人民共和国村民委员会组织法》，一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；涉及村民利益的重大事项应当随时公布。"],
    ];
}
