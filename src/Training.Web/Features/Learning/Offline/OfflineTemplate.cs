using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Training.Web.Features.Learning.Offline;

/// <summary>
/// The workbook a unit fills in: sheet 线下学时 with the contract's headers (身份证号 and 日期 as text,
/// so Excel keeps all 18 characters and the typed day), then a sheet 填写说明 that the import does not read.
/// </summary>
public static class OfflineTemplate
{
    public static async Task WriteAsync(Stream output, CancellationToken ct = default)
    {
        await using var book = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        var options = new WorksheetOptions { FrozenRows = 1 };
        options.Column(1).Width = 22; // 身份证号
        options.Column(2).Width = 12; // 日期
        options.Column(3).Width = 8;  // 学时
        options.Column(4).Width = 8;  // 类别
        options.Column(5).Width = 44; // 培训名称
        options.Column(6).Width = 24; // 主办单位
        await book.StartWorksheetAsync(OfflineColumns.Sheet, options, ct);
        var header = book.AddStyle(new Style { Font = { Bold = true } });
        await book.AddHeaderRowAsync(OfflineColumns.All.ToList(), header, ct);

        var notes = new WorksheetOptions();
        notes.Column(1).Width = 100;
        await book.StartWorksheetAsync(OfflineTexts.NotesSheet, notes, ct);
        foreach (var line in OfflineTexts.TemplateNotes)
            await book.AddRowAsync([new Cell(line)], ct);
        await book.FinishAsync(ct);
    }
}
