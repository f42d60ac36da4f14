using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Training.Web.Features.Learning.Courses.Quiz;

/// <summary>
/// The workbook an author fills in: sheet 题库 with the headers of <see cref="QuestionColumns"/>
/// and one example of each kind, which <see cref="QuestionImport"/> reads as it stands (the
/// author overwrites or deletes them).
/// </summary>
public static class QuestionTemplate
{
    public static async Task WriteAsync(Stream output, CancellationToken ct = default)
    {
        await using var book = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        var options = new WorksheetOptions { FrozenRows = 1 };
        options.Column(1).Width = 8;   // 题型
        options.Column(2).Width = 48;  // 题目
        for (var c = 3; c < 3 + QuestionColumns.Options.Count; c++) options.Column(c).Width = 20;
        options.Column(QuestionColumns.All.Count).Width = 48; // 解析
        await book.StartWorksheetAsync(QuestionColumns.Sheet, options, ct);

        var header = book.AddStyle(new Style { Font = { Bold = true } });
        await book.AddHeaderRowAsync(QuestionColumns.All.ToList(), header, ct);
        var wrap = book.AddStyle(new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Top } });
        foreach (var example in QuestionImportTexts.Examples)
            await book.AddRowAsync(example.Select(v => new StyledCell(v, wrap)).ToArray(), ct);
        await book.FinishAsync(ct);
    }
}
