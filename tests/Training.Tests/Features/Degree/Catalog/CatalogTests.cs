using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog;

/// <summary>CityAdmin's 招生管理: schools, programs, cohorts, district quotas and fee schedules (PRODUCT.md §5, issue 4 item 1).</summary>
[Collection(AppCollection.Name)]
public sealed class CatalogTests(AppFixture app)
{
    // ---------------------------------------------------------------- cohorts

    [Fact]
    public async Task Should_create_a_cohort_with_district_quotas_and_offers_that_trainees_can_find()
    {
        var year = await FreeYearAsync();
        var program = await app.WithDbAsync(db => db.Programs.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync());
        var districts = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync());
        var client = await app.SignInAsync("city");

        using var created = await client.PostFormAsync("/Catalog/Cohorts/Create", "/Catalog/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Year"] = Text(year),
            ["Input.Name"] = $"{year}年测试批次",
            ["Input.ApplyFrom"] = $"{year}-03-01",
            ["Input.ApplyTo"] = $"{year}-03-31",
            ["Input.CityQuota"] = "1,200",
            ["Input.CopyFrom"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Year == year).Select(c => c.Id).SingleAsync());
        Assert.Equal($"/Catalog/Cohorts/Details/{id}", created.Headers.Location?.OriginalString);

        var quotas = new Dictionary<string, string>();
        for (var i = 0; i < districts.Count; i++)
        {
            quotas[$"Quotas[{i}].DistrictId"] = Text(districts[i]);
            quotas[$"Quotas[{i}].Quota"] = "100";
        }
        using var quotaResponse = await client.PostFormAsync($"/Catalog/Cohorts/Quotas/{id}", $"/Catalog/Cohorts/Quotas/{id}", quotas);
        Assert.Equal(HttpStatusCode.Redirect, quotaResponse.StatusCode);

        // Through the links and forms the pages render, not hand-made URLs.
        Assert.Equal($"/Catalog/Cohorts/Quotas/{id}", await FormActionAsync(client, $"/Catalog/Cohorts/Quotas/{id}"));
        Assert.Equal($"/Catalog/Cohorts/Fee/{id}", await FormActionAsync(client, $"/Catalog/Cohorts/Fee/{id}"));
        using var offered = await client.PostFormAsync($"/Catalog/Cohorts/Fee/{id}", $"/Catalog/Cohorts/Fee/{id}", new Dictionary<string, string>
        {
            ["Input.ProgramId"] = Text(program.Id),
            ["Input.Total"] = "8,100.50",
            ["Input.Subsidy"] = "5600.50",
            ["Input.Waiver"] = "1000",
            ["Input.SelfPaid"] = "1500.00",
        });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);

        var saved = await app.WithDbAsync(db => db.Cohorts.AsNoTracking().Include(c => c.DistrictQuotas).Include(c => c.Fees).SingleAsync(c => c.Id == id));
        Assert.Equal((1200, new DateOnly(year, 3, 1), new DateOnly(year, 3, 31)), (saved.CityQuota, saved.ApplyFrom, saved.ApplyTo));
        Assert.Equal(11, saved.DistrictQuotas.Count);
        Assert.Equal(1100, saved.DistrictQuotas.Sum(q => q.Quota));
        var fee = Assert.Single(saved.Fees);
        Assert.Equal(program.Id, fee.ProgramId);
        Assert.Equal(new FeeSplit(8_100_50, 5_600_50, 1_000_00, 1_500_00), fee.Split);

        // What the trainee's page asks for: cohorts not yet closed, with programs on offer.
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        Assert.True(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Id == id && c.ApplyTo >= today && c.Fees.Any())));
        Assert.Equal(3, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.UserName == "city" && a.Detail.Contains($"{year}年测试批次"))));

        using var details = await client.GetAsync($"/Catalog/Cohorts/Details/{id}");
        var detailsPage = await details.ReadHtmlAsync();
        Assert.Contains(program.Name, detailsPage.QuerySelector("[data-testid=offers]")?.TextContent ?? "");
        Assert.NotNull(detailsPage.QuerySelector($"a[href='/Catalog/Cohorts/Fee/{id}?program={program.Id}']"));
        var removeForm = detailsPage.QuerySelector("[data-testid=offers] form[method=post]");
        Assert.Equal($"/Catalog/Cohorts/Details/{id}?fee={saved.Fees[0].Id}&handler=Remove", removeForm?.GetAttribute("action"));
        Assert.NotNull(removeForm?.QuerySelector("button[data-confirm]"));
        using var list = await client.GetAsync("/Catalog");
        Assert.Contains($"{year}年测试批次", await list.TextAsync());
    }

    [Fact]
    public async Task Should_take_over_district_quotas_and_offers_from_an_earlier_cohort()
    {
        var year = await FreeYearAsync();
        var source = await app.WithDbAsync(db => db.Cohorts.AsNoTracking().Include(c => c.DistrictQuotas).Include(c => c.Fees)
            .Where(c => c.Fees.Any() && c.DistrictQuotas.Any()).OrderByDescending(c => c.Year).FirstAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync("/Catalog/Cohorts/Create", "/Catalog/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Year"] = Text(year),
            ["Input.ApplyFrom"] = "2001-03-01",
            ["Input.ApplyTo"] = "2001-03-31",
            ["Input.CityQuota"] = Text(Math.Max(1000, source.DistrictQuotas.Sum(q => q.Quota))),
            ["Input.CopyFrom"] = Text(source.Id),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = await app.WithDbAsync(db => db.Cohorts.AsNoTracking().Include(c => c.DistrictQuotas).Include(c => c.Fees).SingleAsync(c => c.Year == year));
        Assert.Equal(source.DistrictQuotas.OrderBy(q => q.DistrictId).Select(q => (q.DistrictId, q.Quota)),
            copy.DistrictQuotas.OrderBy(q => q.DistrictId).Select(q => (q.DistrictId, q.Quota)));
        Assert.Equal(source.Fees.OrderBy(f => f.ProgramId).Select(f => (f.ProgramId, f.Split)),
            copy.Fees.OrderBy(f => f.ProgramId).Select(f => (f.ProgramId, f.Split)));
        Assert.Equal($"{year}年羊城村官上大学", copy.Name);
    }

    [Fact]
    public async Task Should_refuse_a_city_quota_below_1000_and_keep_what_was_typed()
    {
        var year = await FreeYearAsync();
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync("/Catalog/Cohorts/Create", "/Catalog/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Year"] = Text(year),
            ["Input.Name"] = "名额不足的批次",
            ["Input.ApplyFrom"] = "2001-03-01",
            ["Input.ApplyTo"] = "2001-03-31",
            ["Input.CityQuota"] = "999",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不少于 1000 人", await response.TextAsync());
        var page = await response.ReadHtmlAsync();
        Assert.Equal("999", page.QuerySelector("input[name='Input.CityQuota']")?.GetAttribute("value"));
        Assert.Equal("名额不足的批次", page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Year == year)));
    }

    [Fact]
    public async Task Should_refuse_a_second_cohort_for_the_same_year()
    {
        var id = await CohortAsync();
        var year = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == id).Select(c => c.Year).SingleAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync("/Catalog/Cohorts/Create", "/Catalog/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Year"] = Text(year),
            ["Input.ApplyFrom"] = "2001-03-01",
            ["Input.ApplyTo"] = "2001-03-31",
            ["Input.CityQuota"] = "1000",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("已有招生批次", await response.TextAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Cohorts.CountAsync(c => c.Year == year)));
    }

    [Fact]
    public async Task Should_change_the_window_and_refuse_a_quota_below_1000_on_edit()
    {
        var id = await CohortAsync();
        var client = await app.SignInAsync("city");
        var url = $"/Catalog/Cohorts/Edit/{id}";

        using var refused = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Name"] = "改过的批次", ["Input.ApplyFrom"] = "2001-04-01", ["Input.ApplyTo"] = "2001-04-30", ["Input.CityQuota"] = "800",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("不少于 1000 人", await refused.TextAsync());

        using var changed = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Name"] = "改过的批次", ["Input.ApplyFrom"] = "2001-04-01", ["Input.ApplyTo"] = "2001-04-30", ["Input.CityQuota"] = "1300",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var saved = await app.WithDbAsync(db => db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("改过的批次", new DateOnly(2001, 4, 1), new DateOnly(2001, 4, 30), 1300), (saved.Name, saved.ApplyFrom, saved.ApplyTo, saved.CityQuota));
    }

    [Fact]
    public async Task Should_refuse_district_quotas_over_the_city_quota_and_keep_what_was_typed()
    {
        var id = await CohortAsync(cityQuota: 1000);
        var districts = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync());
        var client = await app.SignInAsync("city");
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < districts.Count; i++)
        {
            fields[$"Quotas[{i}].DistrictId"] = Text(districts[i]);
            fields[$"Quotas[{i}].Quota"] = i == 0 ? "101" : "90"; // 101 + 10 × 90 = 1001
        }

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Quotas/{id}", $"/Catalog/Cohorts/Quotas/{id}", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("各区名额合计 1001 超过全市名额 1000", await response.TextAsync());
        Assert.Equal("101", (await response.ReadHtmlAsync()).QuerySelector("input[name='Quotas[0].Quota']")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.DistrictQuotas.AnyAsync(q => q.CohortId == id)));
    }

    [Fact]
    public async Task Should_say_which_district_quota_is_not_a_number()
    {
        var id = await CohortAsync();
        var districts = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync());
        var client = await app.SignInAsync("city");
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < districts.Count; i++)
        {
            fields[$"Quotas[{i}].DistrictId"] = Text(districts[i]);
            fields[$"Quotas[{i}].Quota"] = i == 1 ? "五十" : "50";
        }

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Quotas/{id}", $"/Catalog/Cohorts/Quotas/{id}", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("越秀区名额应为整数", await response.TextAsync());
        Assert.Equal("五十", (await response.ReadHtmlAsync()).QuerySelector("input[name='Quotas[1].Quota']")?.GetAttribute("value"));
    }

    // ---------------------------------------------------------------- fee schedules

    [Theory]
    [InlineData("8000.50", "5000", "1000", "1500", "应等于学费总额")]
    [InlineData("1500", "-500", "500", "1500", "不能为负数")]
    public async Task Should_rerender_a_fee_split_that_breaks_the_rule_with_the_message_and_what_was_typed(
        string total, string subsidy, string waiver, string selfPaid, string message)
    {
        var id = await CohortAsync();
        var programId = await app.WithDbAsync(db => db.Programs.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Fee/{id}", $"/Catalog/Cohorts/Fee/{id}", new Dictionary<string, string>
        {
            ["Input.ProgramId"] = Text(programId),
            ["Input.Total"] = total,
            ["Input.Subsidy"] = subsidy,
            ["Input.Waiver"] = waiver,
            ["Input.SelfPaid"] = selfPaid,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector("[data-testid=form-errors]")?.TextContent ?? "");
        Assert.Equal(total, page.QuerySelector("input[name='Input.Total']")?.GetAttribute("value"));
        Assert.Equal(subsidy, page.QuerySelector("input[name='Input.Subsidy']")?.GetAttribute("value"));
        Assert.Equal(waiver, page.QuerySelector("input[name='Input.Waiver']")?.GetAttribute("value"));
        Assert.Equal(selfPaid, page.QuerySelector("input[name='Input.SelfPaid']")?.GetAttribute("value"));
        Assert.Equal(Text(programId), page.QuerySelector("select[name='Input.ProgramId'] option[selected]")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.FeeSchedules.AnyAsync(f => f.CohortId == id)));
    }

    [Fact]
    public async Task Should_offer_1500_yuan_self_paid_by_default()
    {
        var id = await CohortAsync();
        var client = await app.SignInAsync("city");

        using var response = await client.GetAsync($"/Catalog/Cohorts/Fee/{id}");

        Assert.Equal("1500.00", (await response.ReadHtmlAsync()).QuerySelector("input[name='Input.SelfPaid']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Should_change_the_fee_schedule_of_a_program_on_offer()
    {
        var (id, programId) = await CohortWithOfferAsync();
        var client = await app.SignInAsync("city");
        var url = $"/Catalog/Cohorts/Fee/{id}?program={programId}";
        Assert.Equal(url, await FormActionAsync(client, url));

        using var response = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Total"] = "9000", ["Input.Subsidy"] = "6500", ["Input.Waiver"] = "1000", ["Input.SelfPaid"] = "1500",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var split = await app.WithDbAsync(db => db.FeeSchedules.Where(f => f.CohortId == id).Select(f => f.Split).SingleAsync());
        Assert.Equal(new FeeSplit(9_000_00, 6_500_00, 1_000_00, 1_500_00), split);
    }

    [Fact]
    public async Task Should_remove_an_offer_nobody_applied_for()
    {
        var (id, _) = await CohortWithOfferAsync();
        var feeId = await app.WithDbAsync(db => db.FeeSchedules.Where(f => f.CohortId == id).Select(f => f.Id).SingleAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Details/{id}", $"/Catalog/Cohorts/Details/{id}?handler=Remove&fee={feeId}", new Dictionary<string, string>());

        // Post/Redirect/Get: the cohort's page again, saying what was done once.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Catalog/Cohorts/Details/{id}", response.Headers.Location?.OriginalString);
        using var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已取消开设", (await page.ReadHtmlAsync()).QuerySelector("[data-testid=flash]")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.FeeSchedules.AnyAsync(f => f.CohortId == id)));
    }

    [Fact]
    public async Task Should_not_remove_an_offer_that_has_applications()
    {
        var used = await app.WithDbAsync(db => db.FeeSchedules
            .Where(f => db.Enrollments.Any(e => e.CohortId == f.CohortId && e.ProgramId == f.ProgramId))
            .OrderBy(f => f.Id).Select(f => new { f.Id, f.CohortId }).FirstAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Details/{used.CohortId}",
            $"/Catalog/Cohorts/Details/{used.CohortId}?handler=Remove&fee={used.Id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不能取消开设", await response.TextAsync());
        Assert.True(await app.WithDbAsync(db => db.FeeSchedules.AnyAsync(f => f.Id == used.Id)));
    }

    // ---------------------------------------------------------------- schools and programs

    [Fact]
    public async Task Should_add_a_school_and_a_program()
    {
        var name = "测试学院" + Guid.NewGuid().ToString("N")[..6];
        var client = await app.SignInAsync("city");

        using var added = await client.PostFormAsync("/Catalog/Schools", "/Catalog/Schools", new Dictionary<string, string> { ["NewName"] = name });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var schoolId = await app.WithDbAsync(db => db.Schools.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

        var url = $"/Catalog/Schools/Details/{schoolId}";
        using var program = await client.PostFormAsync(url, url + "?handler=AddProgram", new Dictionary<string, string>
        {
            ["NewProgram.Name"] = "乡村治理", ["NewProgram.Level"] = nameof(DegreeLevel.Bachelor), ["NewProgram.DurationYears"] = "2",
        });

        Assert.Equal(HttpStatusCode.Redirect, program.StatusCode);
        var saved = await app.WithDbAsync(db => db.Programs.Where(p => p.SchoolId == schoolId).Select(p => new { p.Name, p.Level, p.DurationYears }).SingleAsync());
        Assert.Equal(("乡村治理", DegreeLevel.Bachelor, 2), (saved.Name, saved.Level, saved.DurationYears));
    }

    [Fact]
    public async Task Should_refuse_a_duplicate_school_name_on_rename()
    {
        var (first, second) = await app.WithDbAsync(async db =>
        {
            var a = School.Create("重名甲" + Guid.NewGuid().ToString("N")[..6]);
            var b = School.Create("重名乙" + Guid.NewGuid().ToString("N")[..6]);
            db.Schools.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a, b);
        });
        var client = await app.SignInAsync("city");
        var url = $"/Catalog/Schools/Details/{second.Id}";

        using var response = await client.PostFormAsync(url, url + "?handler=Rename", new Dictionary<string, string> { ["NewName"] = " " + first.Name + " " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"院校“{first.Name}”已存在", await response.TextAsync());
        var page = await response.ReadHtmlAsync();
        Assert.Equal(" " + first.Name + " ", page.QuerySelector("input[name=NewName]")?.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name='NewProgram.Name']")?.GetAttribute("value")), "新增专业的名称栏不应带出更名栏的内容。");
        Assert.Equal(second.Name, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == second.Id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task Should_not_change_the_level_of_a_program_that_has_applications()
    {
        var program = await app.WithDbAsync(db => db.Programs.Where(p => db.Enrollments.Any(e => e.ProgramId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Level, p.DurationYears }).FirstAsync());
        var client = await app.SignInAsync("city");
        var url = $"/Catalog/Schools/Program/{program.Id}";
        var other = program.Level == DegreeLevel.Associate ? DegreeLevel.Bachelor : DegreeLevel.Associate;

        using var response = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Name"] = program.Name, ["Input.Level"] = other.ToString(), ["Input.DurationYears"] = Text(program.DurationYears),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不能再改变层次", await response.TextAsync());
        Assert.Equal(program.Level, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == program.Id).Select(p => p.Level).SingleAsync()));
    }

    // ---------------------------------------------------------------- CityAdmin only

    public static readonly TheoryData<string> NotCityAdmin = new()
    {
        "anonymous", "district-440111", "township-440111103", "village-440111103201", "school-1", "trainee-demo",
    };

    [Theory]
    [MemberData(nameof(NotCityAdmin))]
    public async Task Should_refuse_every_catalog_page_to_everyone_but_CityAdmin_on_GET_and_POST(string account)
    {
        var (cohortId, programId) = await CohortWithOfferAsync();
        var schoolId = await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.SchoolId).SingleAsync());
        var schoolName = await app.WithDbAsync(db => db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync());
        var year = await FreeYearAsync();
        var client = account == "anonymous" ? app.Anonymous() : await app.SignInAsync(account);
        // A valid antiforgery token of this user (from the layout's sign-out form), so that a refusal is the authorization's, not the token's.
        var token = account == "anonymous" ? "" : await TokenAsync(client);
        var failures = new List<string>();

        string[] pages =
        [
            "/Catalog", "/Catalog/Cohorts/Create", $"/Catalog/Cohorts/Details/{cohortId}", $"/Catalog/Cohorts/Edit/{cohortId}",
            $"/Catalog/Cohorts/Quotas/{cohortId}", $"/Catalog/Cohorts/Fee/{cohortId}", $"/Catalog/Cohorts/Fee/{cohortId}?program={programId}",
            "/Catalog/Schools", $"/Catalog/Schools/Details/{schoolId}", $"/Catalog/Schools/Program/{programId}",
        ];
        foreach (var url in pages)
        {
            using var get = await client.GetAsync(url);
            if (!IsRefused(get, account)) failures.Add($"GET {url}：{(int)get.StatusCode} {get.Headers.Location}");
        }

        (string Url, Dictionary<string, string> Fields)[] posts =
        [
            ("/Catalog/Cohorts/Create", new() { ["Input.Year"] = Text(year), ["Input.ApplyFrom"] = "2001-03-01", ["Input.ApplyTo"] = "2001-03-31", ["Input.CityQuota"] = "1000" }),
            ($"/Catalog/Cohorts/Edit/{cohortId}", new() { ["Input.Name"] = "越权", ["Input.ApplyFrom"] = "2001-03-01", ["Input.ApplyTo"] = "2001-03-31", ["Input.CityQuota"] = "5000" }),
            ($"/Catalog/Cohorts/Fee/{cohortId}?program={programId}", new() { ["Input.Total"] = "0", ["Input.Subsidy"] = "0", ["Input.Waiver"] = "0", ["Input.SelfPaid"] = "0" }),
            ($"/Catalog/Cohorts/Details/{cohortId}?handler=Remove&fee=0", new()),
            ("/Catalog/Schools", new() { ["NewName"] = "越权学院" + year }),
            ($"/Catalog/Schools/Details/{schoolId}?handler=Rename", new() { ["NewName"] = "越权改名" + year }),
            ($"/Catalog/Schools/Program/{programId}", new() { ["Input.Name"] = "越权", ["Input.Level"] = "Associate", ["Input.DurationYears"] = "3" }),
        ];
        foreach (var (url, fields) in posts)
        {
            if (token.Length > 0) fields["__RequestVerificationToken"] = token;
            using var post = await client.PostAsync(url, new FormUrlEncodedContent(fields));
            if (!IsRefused(post, account)) failures.Add($"POST {url}：{(int)post.StatusCode} {post.Headers.Location}");
        }

        Assert.True(failures.Count == 0, $"{account} 应被拒绝：\n" + string.Join("\n", failures));
        Assert.False(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Year == year)));
        Assert.Equal(schoolName, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync()));
        Assert.Equal(1000, await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.CityQuota).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.FeeSchedules.AnyAsync(f => f.CohortId == cohortId && f.Split.TotalFen > 0)));
    }

    [Fact]
    public async Task Should_write_no_inline_style_on_any_catalog_page_with_or_without_messages()
    {
        var (cohortId, programId) = await CohortWithOfferAsync();
        var schoolId = await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.SchoolId).SingleAsync());
        var client = await app.SignInAsync("city");
        var pages = new List<(string Url, HttpResponseMessage Response)>();
        foreach (var url in new[]
                 {
                     "/Catalog", "/Catalog/Cohorts/Create", $"/Catalog/Cohorts/Details/{cohortId}", $"/Catalog/Cohorts/Edit/{cohortId}",
                     $"/Catalog/Cohorts/Quotas/{cohortId}", $"/Catalog/Cohorts/Fee/{cohortId}", "/Catalog/Schools",
                     $"/Catalog/Schools/Details/{schoolId}", $"/Catalog/Schools/Program/{programId}",
                 })
            pages.Add((url, await client.GetAsync(url)));
        var editFee = $"/Catalog/Cohorts/Fee/{cohortId}?program={programId}";
        pages.Add((editFee + " (422)", await client.PostFormAsync(editFee, editFee, new Dictionary<string, string>
        {
            ["Input.Total"] = "1", ["Input.Subsidy"] = "1", ["Input.Waiver"] = "1", ["Input.SelfPaid"] = "1",
        })));

        foreach (var (url, response) in pages)
        {
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{url}：{(int)response.StatusCode}");
            var document = await response.ReadHtmlAsync();
            Assert.True(document.QuerySelectorAll("[style]").Length == 0, $"{url} 有 style 属性（CSP 不允许）。");
            Assert.True(document.QuerySelectorAll("script:not([src])").Length == 0, $"{url} 有内联脚本。");
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
                Assert.Contains("应等于学费总额", document.QuerySelector("[data-testid=form-errors]")?.TextContent ?? "");
            response.Dispose();
        }
    }

    [Fact]
    public async Task Should_answer_404_for_a_cohort_school_or_program_that_does_not_exist()
    {
        var client = await app.SignInAsync("city");

        foreach (var url in new[]
                 {
                     "/Catalog/Cohorts/Details/999999", "/Catalog/Cohorts/Edit/999999", "/Catalog/Cohorts/Quotas/999999",
                     "/Catalog/Cohorts/Fee/999999", "/Catalog/Schools/Details/999999", "/Catalog/Schools/Program/999999",
                 })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static bool IsRefused(HttpResponseMessage response, string account)
    {
        var status = (int)response.StatusCode;
        var path = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : null;
        return account == "anonymous"
            ? status == 401 || (status is >= 300 and < 400 && string.Equals(path, "/Account/Login", StringComparison.OrdinalIgnoreCase))
            : status == 403 || (status is >= 300 and < 400 && string.Equals(path, "/Account/Denied", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Where the page's (last) form posts to: a form without an action posts to the page's own URL.</summary>
    private static async Task<string?> FormActionAsync(HttpClient client, string pageUrl)
    {
        using var page = await client.GetAsync(pageUrl);
        var form = (await page.ReadHtmlAsync()).QuerySelectorAll("main form[method=post]").LastOrDefault();
        return form is null ? null : form.GetAttribute("action") ?? pageUrl;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var home = await client.GetAsync("/");
        return (await home.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
               ?? throw new InvalidOperationException("首页没有防伪令牌。");
    }

    /// <summary>A year no cohort has: the demo data has 2012–2026 and other tests take theirs.</summary>
    private Task<int> FreeYearAsync() =>
        app.WithDbAsync(async db =>
        {
            var taken = await db.Cohorts.Select(c => c.Year).ToListAsync();
            return Enumerable.Range(2040, 61).First(y => !taken.Contains(y));
        });

    /// <summary>
    /// A fresh cohort of its own. Its window lies in the past so that it never shows on a
    /// trainee's page and other tests' journeys see the demo cohorts only.
    /// </summary>
    private async Task<int> CohortAsync(int cityQuota = 1000)
    {
        var year = await FreeYearAsync();
        return await app.WithDbAsync(async db =>
        {
            var cohort = Cohort.Create(year, $"{year}年测试批次", new DateOnly(2001, 3, 1), new DateOnly(2001, 3, 31), cityQuota);
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });
    }

    private async Task<(int CohortId, int ProgramId)> CohortWithOfferAsync()
    {
        var id = await CohortAsync();
        return await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.Include(c => c.Fees).SingleAsync(c => c.Id == id);
            var program = await db.Programs.OrderBy(p => p.Id).FirstAsync();
            cohort.Offer(program, new FeeSplit(8_100_00, 5_600_00, 1_000_00, 1_500_00));
            await db.SaveChangesAsync();
            return (id, program.Id);
        });
    }
}
