using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Degree.Enrollments;

/// <summary>The page /Enrollments/Details.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture appArg) : EnrollmentsTestBase(appArg)
{
    [Fact]
    public async Task Should_show_owed_paid_and_outstanding_right_after_two_instalments()
    {
        var e = await app.AdmittedAsync("440111103201");
        var client = await app.SignInAsync("district-440111");

        using (var first = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Pay", Payment("500", "2022-10-08", "GZ-A1")))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using (var second = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Pay", Payment("250.50", "2023-03-01", "GZ-A2")))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        Assert.Equal(("1,500.00", "750.50", "749.50"), await TuitionRowAsync(client, e.EnrollmentId, "SelfPaid"));
        Assert.Equal(("4,500.00", "0.00", "4,500.00"), await TuitionRowAsync(client, e.EnrollmentId, "Subsidy"));
        var stored = await app.WithDbAsync(db => db.Payments.Where(p => p.EnrollmentId == e.EnrollmentId)
            .OrderBy(p => p.Id).Select(p => new { p.Kind, p.AmountFen, p.PaidOn, p.ReceiptNumber }).ToListAsync());
        Assert.Equal([(PaymentKind.SelfPaid, 500_00L, new DateOnly(2022, 10, 8), "GZ-A1"), (PaymentKind.SelfPaid, 250_50L, new DateOnly(2023, 3, 1), "GZ-A2")],
            stored.Select(p => (p.Kind, p.AmountFen, p.PaidOn, p.ReceiptNumber)).ToList());
    }

    [Fact]
    public async Task Should_refuse_an_over_payment_with_the_message_and_keep_what_was_typed()
    {
        var e = await app.AdmittedAsync("440111103201");
        var client = await app.SignInAsync("city");
        using (var ok = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Pay", Payment("1000")))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        using var over = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Pay", Payment("600", receipt: "GZ-OVER"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        var page = await over.ReadHtmlAsync();
        Assert.Contains("学员缴费累计 1,600.00 元 将超过应缴 1,500.00 元", page.Body!.TextContent);
        Assert.Equal("600", page.QuerySelector("input[name='Pay.Amount']")?.GetAttribute("value"));
        Assert.Equal("GZ-OVER", page.QuerySelector("input[name='Pay.Receipt']")?.GetAttribute("value"));
        Assert.Equal(1_000_00L, await app.WithDbAsync(db => db.Payments.Where(p => p.EnrollmentId == e.EnrollmentId).SumAsync(p => p.AmountFen)));
    }

    [Fact]
    public async Task Should_record_a_payment_once_when_the_same_form_is_sent_twice()
    {
        var e = await app.AdmittedAsync("440111103201");
        var client = await app.SignInAsync("district-440111");
        var fields = Payment("200", receipt: "GZ-TWICE");
        fields["Version"] = await VersionAsync(client, DetailsUrl(e.EnrollmentId));

        using var first = await client.PostFormAsync(DetailsUrl(e.EnrollmentId), $"{DetailsUrl(e.EnrollmentId)}?handler=Pay", new Dictionary<string, string>(fields));
        using var second = await client.PostFormAsync(DetailsUrl(e.EnrollmentId), $"{DetailsUrl(e.EnrollmentId)}?handler=Pay", new Dictionary<string, string>(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(CommonTexts.Changed, await second.TextAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.EnrollmentId == e.EnrollmentId)));
    }

    [Theory]
    [InlineData("abc", "2023-03-01", "不是有效的金额")]
    [InlineData("0", "2023-03-01", "金额必须大于 0")]
    [InlineData("100", "2099-01-01", "缴费日期不能晚于今天")]
    [InlineData("100", "", "请填写缴费日期")]
    public async Task Should_refuse_a_bad_payment_with_a_Chinese_message(string amount, string paidOn, string message)
    {
        var e = await app.AdmittedAsync("440111103201");
        var client = await app.SignInAsync("district-440111");

        using var response = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Pay", Payment(amount, paidOn));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
        Assert.False(await app.WithDbAsync(db => db.Payments.AnyAsync(p => p.EnrollmentId == e.EnrollmentId)));
    }

    [Fact]
    public async Task Should_record_a_subsidy_disbursement_by_the_city_only()
    {
        var e = await app.AdmittedAsync("440111103201");
        var fields = new Dictionary<string, string> { ["Subsidy.Amount"] = "4500", ["Subsidy.PaidOn"] = "2022-12-20", ["Subsidy.Receipt"] = "BK-2022-9" };

        var district = await app.SignInAsync("district-440111");
        using (var refused = await PostAsync(district, DetailsUrl(e.EnrollmentId), "Subsidy", new(fields)))
            AssertRefused(refused);
        var city = await app.SignInAsync("city");
        using (var done = await PostAsync(city, DetailsUrl(e.EnrollmentId), "Subsidy", new(fields)))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Equal(("4,500.00", "4,500.00", "0.00"), await TuitionRowAsync(city, e.EnrollmentId, "Subsidy"));
        var kinds = await app.WithDbAsync(db => db.Payments.Where(p => p.EnrollmentId == e.EnrollmentId).Select(p => p.Kind).ToListAsync());
        Assert.Equal([PaymentKind.SubsidyDisbursement], kinds);
    }

    [Fact]
    public async Task Should_not_let_township_staff_record_a_payment()
    {
        var e = await app.AdmittedAsync("440111103201");
        var township = await app.SignInAsync("township-440111103");

        using var response = await PostAsync(township, DetailsUrl(e.EnrollmentId), "Pay", Payment("100"));

        AssertRefused(response);
        Assert.False(await app.WithDbAsync(db => db.Payments.AnyAsync(p => p.EnrollmentId == e.EnrollmentId)));
    }

    [Fact]
    public async Task Should_require_a_reason_to_adjust_a_split_and_leave_it_in_the_timeline_and_the_audit()
    {
        var e = await app.AdmittedAsync("440111103201");
        var client = await app.SignInAsync("city");
        var fields = new Dictionary<string, string>
        {
            ["Adjust.Total"] = "7500", ["Adjust.Subsidy"] = "5000", ["Adjust.Waiver"] = "1500", ["Adjust.SelfPaid"] = "1000", ["Adjust.Reason"] = "",
        };

        using (var noReason = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Adjust", new(fields)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
            var page = await noReason.ReadHtmlAsync();
            Assert.Contains("调整学费分担须填写理由", page.Body!.TextContent);
            Assert.Equal("5000", page.QuerySelector("input[name='Adjust.Subsidy']")?.GetAttribute("value"));
        }
        Assert.Equal(1_500_00L, await app.WithDbAsync(db => db.Enrollments.Where(x => x.Id == e.EnrollmentId).Select(x => x.Split.SelfPaidFen).SingleAsync()));

        fields["Adjust.Reason"] = "家庭困难，经市委组织部研究减免自付部分";
        using (var done = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Adjust", fields))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var stored = await app.WithDbAsync(async db => new
        {
            Split = await db.Enrollments.Where(x => x.Id == e.EnrollmentId).Select(x => new { x.Split.SubsidyFen, x.Split.SelfPaidFen }).SingleAsync(),
            Steps = await db.EnrollmentTransitions.Where(t => t.EnrollmentId == e.EnrollmentId).Select(t => new { t.Action, t.Comment }).ToListAsync(),
            Audited = await db.Audit.AnyAsync(a => a.UserName == "city" && a.Action == "调整学费分担" && a.Detail.Contains($"学籍 {e.EnrollmentId}（")),
        });
        Assert.Equal((5_000_00L, 1_000_00L), (stored.Split.SubsidyFen, stored.Split.SelfPaidFen));
        var step = Assert.Single(stored.Steps);
        Assert.Equal(EnrollmentAction.AdjustSplit, step.Action);
        Assert.StartsWith("家庭困难", step.Comment);
        Assert.True(stored.Audited, "调整学费分担没有写入审计日志。");
        using var details = await client.GetAsync(DetailsUrl(e.EnrollmentId));
        var timeline = (await details.ReadHtmlAsync()).QuerySelector("[data-testid=timeline]")?.TextContent ?? "";
        Assert.Contains("调整学费分担", timeline);
        Assert.Contains("家庭困难，经市委组织部研究减免自付部分", timeline);
    }

    [Fact]
    public async Task Should_refuse_a_split_whose_parts_do_not_add_up()
    {
        var e = await app.AdmittedAsync("440111103201");
        var client = await app.SignInAsync("city");

        using var response = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Adjust", new Dictionary<string, string>
        {
            ["Adjust.Total"] = "7500", ["Adjust.Subsidy"] = "5000", ["Adjust.Waiver"] = "1500", ["Adjust.SelfPaid"] = "1500", ["Adjust.Reason"] = "试算",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("应等于学费总额", await response.TextAsync());
    }

    [Fact]
    public async Task Should_total_by_district_and_year_exactly_as_a_plain_sum()
    {
        // Some payments of our own so that "paid" is not zero everywhere.
        var e = await app.AdmittedAsync(await VillageOfAsync("440103"));
        var city = await app.SignInAsync("city");
        using (var paid = await PostAsync(city, DetailsUrl(e.EnrollmentId), "Pay", Payment("300")))
            Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);

        var expected = await app.WithDbAsync(async db =>
        {
            var rows = await db.Enrollments.AsNoTracking()
                .Where(x => x.State == EnrollmentState.Admitted || x.State == EnrollmentState.Graduated || x.State == EnrollmentState.Withdrawn)
                .Select(x => new Row(x.Id, x.Year, x.Village.Path, x.Split.SelfPaidFen, x.Split.SubsidyFen, x.Split.WaiverFen))
                .ToListAsync();
            var payments = await db.Payments.AsNoTracking().Select(p => new { p.EnrollmentId, p.Kind, p.AmountFen }).ToListAsync();
            var districts = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.District).Select(u => new { u.Name, u.Path }).ToListAsync();
            var selfPaidBy = payments.Where(p => p.Kind == PaymentKind.SelfPaid).GroupBy(p => p.EnrollmentId).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountFen));
            var subsidyBy = payments.Where(p => p.Kind == PaymentKind.SubsidyDisbursement).GroupBy(p => p.EnrollmentId).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountFen));
            string[] Line(IEnumerable<(int Id, long SelfPaidFen, long SubsidyFen, long WaiverFen)> xs)
            {
                var list = xs.ToList();
                var self = list.Sum(x => x.SelfPaidFen);
                var subsidy = list.Sum(x => x.SubsidyFen);
                var selfPaid = list.Sum(x => selfPaidBy.GetValueOrDefault(x.Id));
                var subsidyPaid = list.Sum(x => subsidyBy.GetValueOrDefault(x.Id));
                return [list.Count.ToString(CultureInfo.InvariantCulture), Yuan(self), Yuan(selfPaid), Yuan(self - selfPaid),
                    Yuan(subsidy), Yuan(subsidyPaid), Yuan(subsidy - subsidyPaid), Yuan(list.Sum(x => x.WaiverFen))];
            }
            IEnumerable<(int, long, long, long)> Of(IEnumerable<Row> rs) => rs.Select(r => (r.Id, r.SelfPaidFen, r.SubsidyFen, r.WaiverFen));
            return new
            {
                ByDistrict = districts.ToDictionary(d => d.Name, d => Line(Of(rows.Where(r => r.Path.StartsWith(d.Path, StringComparison.Ordinal))))),
                Year = Line(Of(rows.Where(r => r.Year == TestEnrollments.Year))),
                All = Line(Of(rows)),
            };
        });

        using var page = await city.GetAsync("/Enrollments/Totals");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.ReadHtmlAsync();
        var byDistrict = Table(document, "by-district");
        Assert.Equal(expected.ByDistrict.Count + 1, byDistrict.Count);
        foreach (var (district, line) in expected.ByDistrict) Assert.Equal(line, byDistrict[district]);
        Assert.Equal(expected.All, byDistrict["合计"]);
        Assert.Equal(expected.Year, Table(document, "by-year")[$"{TestEnrollments.Year} 年"]);
    }
}
