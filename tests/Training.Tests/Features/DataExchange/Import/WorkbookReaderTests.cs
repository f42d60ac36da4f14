using System.IO.Compression;
using System.Text;
using Training.Web.Features.DataExchange.Import;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>
/// The workbook reader on hand-written xlsx files (the XML a spreadsheet program saves), so
/// that row numbers with gaps, header spacing and cell types are exactly as Excel shows them.
/// </summary>
public sealed class WorkbookReaderTests
{
    private static readonly string[] Columns = ["身份证号", "姓名", "任职日期"];

    [Fact]
    public void Should_number_rows_as_Excel_shows_them_skipping_empty_rows_and_ignoring_extra_columns()
    {
        var xlsx = Workbook(("职务", """
            <row r="1"><c r="A1" t="inlineStr"><is><t> 身份证号 </t></is></c><c r="B1" t="inlineStr"><is><t>备注</t></is></c><c r="C1" t="inlineStr"><is><t>姓名</t></is></c><c r="D1" t="inlineStr"><is><t>任职日期</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>440111198603159110</t></is></c><c r="C2" t="inlineStr"><is><t>何嘉明</t></is></c><c r="D2"><v>43831</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>   </t></is></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>440111199208229021</t></is></c><c r="C5" t="inlineStr"><is><t>梁晓彤</t></is></c><c r="D5" t="inlineStr"><is><t>2021-03-01</t></is></c></row>
            """));
        using var reader = WorkbookReader.TryOpen(xlsx, out var error)!;
        Assert.Null(error);
        var errors = new List<ImportError>();

        var rows = reader.Rows("职务", Columns, errors).ToList();

        Assert.Empty(errors);
        Assert.Equal([2, 5], rows.Select(r => r.Number));
        Assert.Equal("何嘉明", rows[0].Text("姓名"));
        Assert.Equal(new DateOnly(2020, 1, 1), rows[0].Date("任职日期", errors));
        Assert.Equal(new DateOnly(2021, 3, 1), rows[1].Date("任职日期", errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void Should_report_a_missing_header_column_on_row_one_and_read_no_rows()
    {
        var xlsx = Workbook(("职务", """
            <row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>440111198603159110</t></is></c></row>
            """));
        using var reader = WorkbookReader.TryOpen(xlsx, out _)!;
        var errors = new List<ImportError>();

        Assert.Empty(reader.Rows("职务", Columns, errors));

        var missing = Assert.Single(errors);
        Assert.Equal(("职务", 1, "任职日期"), (missing.Sheet, missing.Row, missing.Column));
    }

    [Fact]
    public void Should_say_in_Chinese_what_is_wrong_with_a_cell()
    {
        var xlsx = Workbook(("职务", """
            <row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c><c r="C1" t="inlineStr"><is><t>任职日期</t></is></c></row>
            <row r="2"><c r="A2"><v>4.4011119860315904E+17</v></c><c r="C2" t="inlineStr"><is><t>2021-02-30</t></is></c></row>
            """));
        using var reader = WorkbookReader.TryOpen(xlsx, out _)!;
        var errors = new List<ImportError>();
        var row = reader.Rows("职务", Columns, errors).Single();

        Assert.Null(row.Date("任职日期", errors));
        Assert.Null(row.Required("姓名", errors));

        Assert.Equal(["任职日期", "姓名"], errors.Select(e => e.Column));
        Assert.All(errors, e => Assert.Equal(2, e.Row));
        Assert.Contains("不是日期", errors[0].Message);
        Assert.Equal("职务 第2行 姓名：不能为空", errors[1].ToString());
    }

    [Fact]
    public void Should_refuse_a_file_that_is_not_an_xlsx_with_a_Chinese_message()
    {
        using var notXlsx = new MemoryStream(Encoding.UTF8.GetBytes("身份证号,姓名\n440111198603159110,何嘉明\n"));

        Assert.Null(WorkbookReader.TryOpen(notXlsx, out var error));
        Assert.Contains(".xlsx", error);
    }

    [Fact]
    public void Should_list_the_sheets_and_read_each_by_name_in_any_order()
    {
        var xlsx = Workbook(
            ("人员", """<row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>B</t></is></c></row>"""),
            ("组织", """<row r="1"><c r="A1" t="inlineStr"><is><t>代码</t></is></c></row><row r="2"><c r="A2"><v>440100</v></c></row>"""));
        using var reader = WorkbookReader.TryOpen(xlsx, out _)!;
        var errors = new List<ImportError>();

        Assert.Equal(["人员", "组织"], reader.SheetNames);
        Assert.Equal("440100", reader.Rows("组织", ["代码"], errors).Single().Text("代码"));
        Assert.Equal("B", reader.Rows("人员", ["身份证号"], errors).Single().Text("身份证号"));
        Assert.Empty(reader.Rows("职务", ["身份证号"], errors));
        Assert.Empty(errors);
    }

    /// <summary>A minimal Office Open XML workbook with these sheets (inline strings, no shared strings or styles).</summary>
    private static MemoryStream Workbook(params (string Name, string Rows)[] sheets)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            var overrides = string.Concat(sheets.Select((_, i) =>
                $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""));
            Add("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            var sheetList = string.Concat(sheets.Select((s, i) => $"""<sheet name="{s.Name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""));
            Add("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheetList}</sheets></workbook>""");
            var rels = string.Concat(sheets.Select((_, i) =>
                $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
            Add("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>""");
            for (var i = 0; i < sheets.Length; i++)
                Add($"xl/worksheets/sheet{i + 1}.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheets[i].Rows}</sheetData></worksheet>""");
        }
        stream.Position = 0;
        return stream;
    }
}
