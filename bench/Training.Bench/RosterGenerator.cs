using System.Diagnostics;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.DataExchange.Import.Roster;

namespace Training.Bench;

/// <summary>
/// make-roster: writes a valid Guangzhou-sized roster workbook (IMPORT-EXPORT.md, "Roster
/// import"): the real divisions in 组织 (city, 11 districts, 178 townships, 2,851 villages),
/// then persons spread over the villages until the file holds about --rows rows over all six
/// sheets. Deterministic (--seed). Rows are streamed with SpreadCheetah; only the small
/// per-person plan is held in memory.
/// </summary>
public static class RosterGenerator
{
    public const string Usage = "用法：Training.Bench make-roster --out 文件.xlsx [--rows 40000] [--seed 6] [--check]";

    public static async Task<int> RunAsync(string[] args)
    {
        var output = BenchArgs.Option(args, "--out");
        if (string.IsNullOrWhiteSpace(output)) { Console.Error.WriteLine(Usage); return 2; }
        var rows = int.Parse(BenchArgs.Option(args, "--rows") ?? "40000");
        var seed = int.Parse(BenchArgs.Option(args, "--seed") ?? "6");
        var divisions = Path.Combine(AppContext.BaseDirectory, "Features", "Demo", "Data", "guangzhou-divisions.tsv");

        var watch = Stopwatch.StartNew();
        var roster = Plan(Units.Load(divisions), rows, seed, new DateOnly(2026, 1, 1));
        await using (var file = File.Create(output))
            await WriteAsync(file, roster);
        Console.WriteLine($"roster: {roster.RowCount:N0} rows ({roster.Summary}) → {output}, {new FileInfo(output).Length / 1024.0 / 1024:F1} MB, {watch.Elapsed.TotalSeconds:F1} s");
        if (!args.Contains("--check")) return 0;
        var problems = Check(output);
        foreach (var problem in problems.Take(20)) Console.Error.WriteLine(problem);
        Console.WriteLine(problems.Count == 0 ? "check: every row reads back valid" : $"check: {problems.Count} problems");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Reads the file back with the import's <see cref="WorkbookReader"/> and checks what the
    /// generator promises: every sheet and header, ID check characters, every enumeration by
    /// the domain's own names, dates, amounts adding up, parents one level up, unique keys.
    /// </summary>
    public static List<string> Check(string path)
    {
        var errors = new List<ImportError>();
        var problems = new List<string>();
        using var stream = File.OpenRead(path);
        using var book = WorkbookReader.TryOpen(stream, out var error) ?? throw new InvalidOperationException(error);
        if (!book.SheetNames.SequenceEqual(RosterSheets.InOrder)) problems.Add($"sheets: {string.Join(",", book.SheetNames)}");
        var today = new DateOnly(2026, 1, 1);
        var levels = new Dictionary<string, int> { ["市"] = 0, ["区"] = 1, ["镇街"] = 2, ["村社区"] = 3 };
        var units = new Dictionary<string, int>();
        var persons = new HashSet<string>();
        var keys = new HashSet<string>();
        void Expect(bool ok, SheetRow row, string what) { if (!ok) problems.Add($"{row.Sheet} 第 {row.Number} 行：{what}"); }
        void Unique(SheetRow row, string key) => Expect(keys.Add(row.Sheet + "|" + key), row, $"重复的键 {key}");
        void Id(SheetRow row) => Expect(ResidentId.TryParse(row.Text("身份证号"), today, out _, out _) && persons.Contains(row.Text("身份证号")!), row, "身份证号无效或人员不存在");
        void Village(SheetRow row, string column) => Expect(units.TryGetValue(row.Text(column) ?? "", out var l) && l == 3, row, "村社区代码未知");

        foreach (var row in book.Rows(RosterSheets.Org, RosterSheets.OrgColumns, errors))
        {
            var level = levels[row.Required("层级", errors)!];
            var parent = row.Text("上级代码");
            Expect(level == 0 ? parent is null : units.TryGetValue(parent ?? "", out var pl) && pl == level - 1, row, "上级不在上一级");
            Expect(level == 3 ? row.Text("类型") is "村" or "社区" : row.Text("类型") is null, row, "类型");
            units[row.Required("代码", errors)!] = level;
            Unique(row, row.Text("代码")!);
        }
        foreach (var row in book.Rows(RosterSheets.Persons, RosterSheets.PersonColumns, errors))
        {
            persons.Add(row.Text("身份证号") ?? "");
            Id(row);
            Unique(row, row.Text("身份证号")!);
            Expect(row.Text("手机号") is null or { Length: 11 } && (row.Text("手机号")?.StartsWith('1') ?? true), row, "手机号");
            Expect(PoliticalStatusNames.Parse(row.Text("政治面貌")) is not null && EducationNames.Parse(row.Text("学历")) is not null, row, "政治面貌/学历");
            Village(row, "所在村社区代码");
        }
        foreach (var row in book.Rows(RosterSheets.Posts, RosterSheets.PostColumns, errors))
        {
            Id(row);
            Village(row, "村社区代码");
            Expect(PostTypeNames.Parse(row.Text("职务")) is not null, row, "职务");
            var (start, end) = (row.Date("任职日期", errors), row.Date("离任日期", errors));
            Expect(start is not null && (end is null || end >= start), row, "日期");
            Unique(row, $"{row.Text("身份证号")}|{row.Text("村社区代码")}|{row.Text("职务")}|{start}");
        }
        foreach (var row in book.Rows(RosterSheets.Enrollments, RosterSheets.EnrollmentColumns, errors))
        {
            Id(row);
            var year = row.Integer("年度", errors);
            Expect(year is >= 2012 and <= 2025 && DegreeLevelNames.Parse(row.Text("层次")) is not null, row, "年度/层次");
            Expect(row.Text("院校") is not null && row.Text("专业") is not null, row, "院校/专业");
            var state = row.Text("状态");
            var graduated = row.Date("毕业日期", errors);
            Expect(state is "已录取" or "已毕业" or "已退学" && (state == "已毕业") == (graduated is not null), row, "状态/毕业日期");
            Expect(row.Fen("财政补助", errors) + row.Fen("学校减免", errors) + row.Fen("个人自付", errors) == row.Fen("学费总额", errors), row, "金额不相加");
            Unique(row, $"{row.Text("身份证号")}|{year}|{row.Text("层次")}");
        }
        foreach (var row in book.Rows(RosterSheets.Reserves, RosterSheets.ReserveColumns, errors))
        {
            Id(row);
            Village(row, "村社区代码");
            var state = row.Text("状态");
            Expect(row.Text("后备类型") is "书记后备" or "两委后备" && state is "村推" or "镇选" or "已入库" or "已任用" or "已退出", row, "后备类型/状态");
            Expect((row.Date("入库日期", errors) is not null) == (state is "已入库" or "已任用" or "已退出"), row, "入库日期");
            Unique(row, $"{row.Text("身份证号")}|{row.Text("后备类型")}");
        }
        foreach (var row in book.Rows(RosterSheets.KeyPosts, RosterSheets.KeyPostColumns, errors))
        {
            Village(row, "村社区代码");
            Expect(row.Integer("关键岗位数", errors) is 2 or 3, row, "关键岗位数");
            Unique(row, row.Text("村社区代码")!);
        }
        problems.AddRange(errors.Select(e => e.ToString()));
        return problems;
    }

    // ---- the plan ----------------------------------------------------------------------

    public sealed record Unit(string Code, string Name, string Level, string ParentCode, string Kind);
    public sealed record PersonRow(string IdNumber, string Name, string? Phone, string Political, string Education, string VillageCode);
    public sealed record PostRow(string IdNumber, string VillageCode, string Type, DateOnly Start, DateOnly? End);
    public sealed record EnrollmentRow(string IdNumber, int Year, string Level, string School, string Program, string State, DateOnly? GraduatedOn, decimal Total, decimal Subsidy, decimal Waiver, decimal SelfPaid);
    public sealed record ReserveRow(string IdNumber, string VillageCode, string Target, string State, DateOnly? InPoolOn);
    public sealed record KeyPostRow(string VillageCode, int Count);

    public sealed record Roster(
        List<Unit> Units, List<PersonRow> Persons, List<PostRow> Posts, List<EnrollmentRow> Enrollments,
        List<ReserveRow> Reserves, List<KeyPostRow> KeyPosts)
    {
        public int RowCount => Units.Count + Persons.Count + Posts.Count + Enrollments.Count + Reserves.Count + KeyPosts.Count;
        public string Summary =>
            $"{RosterSheets.Org} {Units.Count:N0}, {RosterSheets.Persons} {Persons.Count:N0}, {RosterSheets.Posts} {Posts.Count:N0}, " +
            $"{RosterSheets.Enrollments} {Enrollments.Count:N0}, {RosterSheets.Reserves} {Reserves.Count:N0}, {RosterSheets.KeyPosts} {KeyPosts.Count:N0}";
    }

    private sealed record Offer(string School, string Program, string Level, int TotalYuan, int WaiverYuan, int GraduationMonth, int GraduationDay);

    // The partner schools and programs of the demo data (Features/Demo/DemoCatalog.cs).
    private static readonly Offer[] Associate =
    [
        new("广州城市职业学院", "农村经济管理", "大专", 7_500, 1_500, 7, 1),
        new("广州城市职业学院", "社区管理与服务", "大专", 7_500, 1_500, 7, 1),
        new("广东开放大学", "行政管理", "大专", 6_000, 1_000, 7, 15),
        new("广州番禺职业技术学院", "现代农业经济管理", "大专", 7_200, 1_200, 6, 30),
    ];
    private static readonly Offer[] Bachelor =
    [
        new("广东开放大学", "行政管理", "本科", 8_800, 1_300, 7, 15),
        new("华南农业大学", "农林经济管理", "本科", 9_900, 1_400, 6, 30),
    ];

    private const string Surnames = "陈李黄张梁林刘吴罗何郑杨谢邓冯曾周麦潘钟朱徐蔡许卢胡苏叶关郭彭温区何江";
    private const string GivenChars = "伟志明华国建文军俊杰敏丽芳婷燕玲红霞嘉颖欣健强永锦添福荣耀雄辉斌浩宇晓静海波秀娟凤英慧";

    /// <summary>The divisions file of the demo data, with the city on top and 村/社区 from each village's official name.</summary>
    public static class Units
    {
        public static List<Unit> Load(string path)
        {
            var units = new List<Unit> { new("440100", "广州市", "市", "", "") };
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var f = line.Split('\t');
                var (code, name, parent, level) = (f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim());
                var kind = level == "村社区" ? (OrgUnit.KindFromName(name) == VillageKind.Village ? "村" : "社区") : "";
                units.Add(new Unit(code, name, level, parent, kind));
            }
            var rank = new Dictionary<string, int> { ["市"] = 0, ["区"] = 1, ["镇街"] = 2, ["村社区"] = 3 };
            // Parents before children: by level, then by code.
            return [.. units.OrderBy(u => rank[u.Level]).ThenBy(u => u.Code, StringComparer.Ordinal)];
        }
    }

    public static Roster Plan(List<Unit> units, int targetRows, int seed, DateOnly today)
    {
        var r = new Random(seed);
        var villages = units.Where(u => u.Level == "村社区").ToList();
        var keyPosts = villages.Where(_ => r.NextDouble() < 0.15).Select(v => new KeyPostRow(v.Code, r.NextDouble() < 0.8 ? 2 : 3)).ToList();
        var persons = new List<PersonRow>();
        var posts = new List<PostRow>();
        var enrollments = new List<EnrollmentRow>();
        var reserves = new List<ReserveRow>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var order = villages.OrderBy(_ => r.Next()).ToList();
        var slots = new Dictionary<string, VillageSlots>();
        int Total() => units.Count + keyPosts.Count + persons.Count + posts.Count + enrollments.Count + reserves.Count;

        // Round after round, one more person in every village (in a shuffled order) until the file is big enough.
        for (var round = 0; Total() < targetRows; round++)
        {
            foreach (var village in order)
            {
                if (Total() >= targetRows) break;
                if (!slots.TryGetValue(village.Code, out var vs)) slots[village.Code] = vs = new VillageSlots(r.NextDouble() < 0.45);
                var person = NewPerson(r, ids, village.Code, today);
                persons.Add(person);
                var hasPost = AddPosts(r, vs, round, person, posts);
                AddEnrollments(r, person, enrollments);
                AddReserves(r, round, hasPost, person, reserves);
            }
        }
        // Each sheet by village then ID, as a department would sort it.
        persons.Sort((a, b) => (string.CompareOrdinal(a.VillageCode, b.VillageCode), string.CompareOrdinal(a.IdNumber, b.IdNumber)) switch { (0, var c) => c, var (c, _) => c });
        var villageOf = persons.ToDictionary(p => p.IdNumber, p => p.VillageCode);
        posts.Sort((a, b) => string.CompareOrdinal(a.VillageCode + a.IdNumber, b.VillageCode + b.IdNumber));
        enrollments.Sort((a, b) => (string.CompareOrdinal(villageOf[a.IdNumber] + a.IdNumber, villageOf[b.IdNumber] + b.IdNumber), a.Year.CompareTo(b.Year)) switch { (0, var c) => c, var (c, _) => c });
        reserves.Sort((a, b) => string.CompareOrdinal(a.VillageCode + a.IdNumber, b.VillageCode + b.IdNumber));
        keyPosts.Sort((a, b) => string.CompareOrdinal(a.VillageCode, b.VillageCode));
        return new Roster(units, persons, posts, enrollments, reserves, keyPosts);
    }

    private sealed class VillageSlots(bool secretaryIsDirector)
    {
        /// <summary>一肩挑: the secretary also chairs the villagers' committee.</summary>
        public bool SecretaryIsDirector { get; } = secretaryIsDirector;
    }

    private static PersonRow NewPerson(Random r, HashSet<string> ids, string villageCode, DateOnly today)
    {
        string id;
        do
        {
            var birth = new DateOnly(1965, 1, 1).AddDays(r.Next(0, 37 * 365));
            var first17 = $"{villageCode[..6]}{birth:yyyyMMdd}{r.Next(0, 1000):D3}";
            id = first17 + ResidentId.CheckCharacter(first17);
        } while (!ids.Add(id));
        if (!ResidentId.TryParse(id, today, out _, out var error)) throw new InvalidOperationException($"{id}: {error}");

        var name = $"{Surnames[r.Next(Surnames.Length)]}{GivenChars[r.Next(GivenChars.Length)]}" + (r.NextDouble() < 0.7 ? GivenChars[r.Next(GivenChars.Length)].ToString() : "");
        var phone = r.NextDouble() < 0.1 ? null : $"1{"356789"[r.Next(6)]}{r.NextInt64(0, 1_000_000_000):D9}";
        var x = r.NextDouble();
        var political = x < 0.70 ? "中共党员" : x < 0.75 ? "中共预备党员" : x < 0.80 ? "共青团员" : "群众";
        x = r.NextDouble();
        var education = x < 0.10 ? "初中及以下" : x < 0.60 ? "高中/中专" : x < 0.85 ? "大专" : x < 0.98 ? "本科" : "研究生";
        return new PersonRow(id, name, phone, political, education, villageCode);
    }

    /// <summary>
    /// The first persons of a village are its secretary and director (the same person when
    /// 一肩挑), then deputies and members; from the fourth on, three in ten hold no post (a reserve only).
    /// Some cadres served an earlier term in another post that has ended.
    /// </summary>
    private static bool AddPosts(Random r, VillageSlots vs, int round, PersonRow p, List<PostRow> posts)
    {
        if (round >= 3 && r.NextDouble() < 0.3) return false;
        var start = TermStart(r, r.Next(4));
        string[] types = round switch
        {
            0 => vs.SecretaryIsDirector ? ["党组织书记", "村(居)委会主任"] : ["党组织书记"],
            1 => vs.SecretaryIsDirector ? ["党组织副书记"] : ["村(居)委会主任"],
            2 => [r.NextDouble() < 0.5 ? "党组织副书记" : "村(居)委会副主任"],
            3 => ["村(居)委会副主任"],
            _ => [r.NextDouble() < 0.5 ? "党组织委员" : "村(居)委会委员"],
        };
        foreach (var type in types) posts.Add(new PostRow(p.IdNumber, p.VillageCode, type, start, null));
        if (start.Year >= 2014 && r.NextDouble() < 0.25)
        {
            var earlier = start.AddYears(-3).AddDays(-r.Next(0, 200));
            posts.Add(new PostRow(p.IdNumber, p.VillageCode, r.NextDouble() < 0.5 ? "村(居)委会委员" : "党组织委员", earlier, start.AddDays(-1)));
        }
        return true;
    }

    /// <summary>A day in March–May of an election year (2011, 2014, 2017, 2021), or any day since 2011 for a by-election.</summary>
    private static DateOnly TermStart(Random r, int term) =>
        r.NextDouble() < 0.85
            ? new DateOnly(new[] { 2011, 2014, 2017, 2021 }[term], 3, 1).AddDays(r.Next(0, 90))
            : new DateOnly(2011, 6, 1).AddDays(r.Next(0, 13 * 365));

    private static void AddEnrollments(Random r, PersonRow p, List<EnrollmentRow> enrollments)
    {
        if (p.Education == "高中/中专" && r.NextDouble() < 0.55)
        {
            var year = r.Next(2012, 2026);
            var first = Enrollment(r, p, year, Associate[r.Next(Associate.Length)]);
            enrollments.Add(first);
            if (first.State == "已毕业" && first.GraduatedOn!.Value.Year <= 2024 && r.NextDouble() < 0.3)
                enrollments.Add(Enrollment(r, p, r.Next(first.GraduatedOn.Value.Year, 2026), Bachelor[r.Next(Bachelor.Length)]));
            else if (first.State == "已退学" && year <= 2023 && r.NextDouble() < 0.3)
                enrollments.Add(Enrollment(r, p, r.Next(year + 1, 2026), Associate[r.Next(Associate.Length)]));
        }
        else if (p.Education == "大专" && r.NextDouble() < 0.35)
            enrollments.Add(Enrollment(r, p, r.Next(2016, 2026), Bachelor[r.Next(Bachelor.Length)]));
    }

    /// <summary>Three years of study: rows up to 2022 have finished (most graduated), later ones are mostly still studying.</summary>
    private static EnrollmentRow Enrollment(Random r, PersonRow p, int year, Offer o)
    {
        var x = r.NextDouble();
        var state = year <= 2022 ? (x < 0.88 ? "已毕业" : "已退学") : (x < 0.94 ? "已录取" : "已退学");
        DateOnly? graduated = state == "已毕业" ? new DateOnly(year + 3, o.GraduationMonth, o.GraduationDay) : null;
        // Tuition rose by 600 yuan from 2020; the subsidy took the rise, the trainee pays 1,500.
        decimal total = o.TotalYuan + (year >= 2020 ? 600 : 0), waiver = o.WaiverYuan, self = 1_500;
        return new EnrollmentRow(p.IdNumber, year, o.Level, o.School, o.Program, state, graduated, total, total - waiver - self, waiver, self);
    }

    /// <summary>Most persons without a post are reserves; a few members are also reserves (mostly for secretary).</summary>
    private static void AddReserves(Random r, int round, bool hasPost, PersonRow p, List<ReserveRow> reserves)
    {
        if (hasPost ? round < 2 || r.NextDouble() >= 0.08 : r.NextDouble() >= 0.9) return;
        var both = r.NextDouble() < 0.05;
        foreach (var target in both ? new[] { "书记后备", "两委后备" } : [r.NextDouble() < 0.3 ? "书记后备" : "两委后备"])
        {
            var x = r.NextDouble();
            var state = x < 0.10 ? "村推" : x < 0.20 ? "镇选" : x < 0.80 ? "已入库" : x < 0.90 ? "已任用" : "已退出";
            DateOnly? inPool = state is "已入库" or "已任用" or "已退出" ? new DateOnly(2018, 1, 1).AddDays(r.Next(0, 8 * 365)) : null;
            reserves.Add(new ReserveRow(p.IdNumber, p.VillageCode, target, state, inPool));
        }
    }

    // ---- the workbook ------------------------------------------------------------------

    public static async Task WriteAsync(Stream output, Roster roster, CancellationToken ct = default)
    {
        await using var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions
        {
            DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd"),
        }, ct);
        var header = book.AddStyle(new Style { Font = { Bold = true } });

        await Sheet(RosterSheets.Org, roster.Units, u => [Text(u.Code), Text(u.Name), Text(u.Level), Text(u.ParentCode), Text(u.Kind)]);
        await Sheet(RosterSheets.Persons, roster.Persons, p => [Text(p.IdNumber), Text(p.Name), Text(p.Phone), Text(p.Political), Text(p.Education), Text(p.VillageCode)]);
        await Sheet(RosterSheets.Posts, roster.Posts, p => [Text(p.IdNumber), Text(p.VillageCode), Text(p.Type), Date(p.Start), Date(p.End)]);
        await Sheet(RosterSheets.Enrollments, roster.Enrollments, e =>
            [Text(e.IdNumber), new Cell(e.Year), Text(e.Level), Text(e.School), Text(e.Program), Text(e.State), Date(e.GraduatedOn),
             new Cell(e.Total), new Cell(e.Subsidy), new Cell(e.Waiver), new Cell(e.SelfPaid)]);
        await Sheet(RosterSheets.Reserves, roster.Reserves, x => [Text(x.IdNumber), Text(x.VillageCode), Text(x.Target), Text(x.State), Date(x.InPoolOn)]);
        await Sheet(RosterSheets.KeyPosts, roster.KeyPosts, k => [Text(k.VillageCode), new Cell(k.Count)]);
        await book.FinishAsync(ct);

        async Task Sheet<T>(string name, List<T> rows, Func<T, Cell[]> cells)
        {
            await book.StartWorksheetAsync(name, token: ct);
            await book.AddRowAsync(RosterSheets.ColumnsOf(name).Select(h => new Cell(h, header)).ToArray(), ct);
            foreach (var row in rows) await book.AddRowAsync(cells(row), ct);
        }
    }

    private static Cell Text(string? s) => string.IsNullOrEmpty(s) ? new Cell() : new Cell(s);
    private static Cell Date(DateOnly? d) => d is { } day ? new Cell(day.ToDateTime(TimeOnly.MinValue)) : new Cell();
}
