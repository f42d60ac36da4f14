using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Tests.Infrastructure.Workflow;

/// <summary>The one mapping of a step's outcome to an answer, and where its message is shown.</summary>
public sealed class PageAnswersTests
{
    private sealed class FormPage : PageModel
    {
        public sealed record Form(string? StartOn);

        public Form Input { get; set; } = new(null);
        /// <summary>A second form on the same page (as the enrollment page's 缴费 beside its 调整).</summary>
        public Form Pay { get; set; } = new(null);
        public int Reloads { get; private set; }

        public Task ReloadAsync()
        {
            Reloads++;
            return Task.CompletedTask;
        }
    }

    private sealed class NoStore : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();
        public void SaveTempData(HttpContext context, IDictionary<string, object> values) { }
    }

    private static FormPage NewPage() => new() { TempData = new TempDataDictionary(new DefaultHttpContext(), new NoStore()) };

    [Fact]
    public async Task Done_flashes_the_message_and_redirects()
    {
        var page = NewPage();

        var answer = await page.AnswerAsync(StepResult.Done("已保存。"), () => new RedirectResult("/next"), page.ReloadAsync);

        Assert.IsType<RedirectResult>(answer);
        Assert.Equal("已保存。", page.TempData[FlashMessages.Key]);
        Assert.Equal(0, page.Reloads);
    }

    [Fact]
    public async Task Not_found_is_404()
    {
        var page = NewPage();

        Assert.IsType<NotFoundResult>(await page.AnswerAsync(StepResult.NotFound(), () => new RedirectResult("/next"), page.ReloadAsync));
    }

    [Fact]
    public async Task Changed_draws_the_page_again_with_409_and_the_one_text()
    {
        var page = NewPage();

        var answer = Assert.IsType<PageResult>(await page.AnswerAsync(StepResult.Changed(), () => new RedirectResult("/next"), page.ReloadAsync));

        Assert.Equal(409, answer.StatusCode);
        Assert.Equal(CommonTexts.Changed, Assert.Single(page.ModelState["Input"]!.Errors).ErrorMessage);
        Assert.Equal(1, page.Reloads);
    }

    [Fact]
    public async Task A_refused_rule_about_a_field_the_form_shows_sits_beside_that_field_with_422()
    {
        var page = NewPage();

        var answer = Assert.IsType<PageResult>(await page.AnswerAsync(
            StepResult.Refused("开始日期不能晚于结束日期。", "StartOn"), () => new RedirectResult("/next"), page.ReloadAsync));

        Assert.Equal(422, answer.StatusCode);
        Assert.Equal("开始日期不能晚于结束日期。", Assert.Single(page.ModelState["Input.StartOn"]!.Errors).ErrorMessage);
        Assert.Equal(["Input.StartOn"], page.ModelState.Keys);
    }

    [Fact]
    public async Task A_refused_rule_about_a_field_the_form_does_not_show_goes_to_the_form_it_came_from()
    {
        var page = NewPage();

        await page.AnswerAsync(StepResult.Refused("名额已满。", "Capacity"), () => new RedirectResult("/next"), page.ReloadAsync);

        Assert.Equal("名额已满。", Assert.Single(page.ModelState["Input"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task On_a_page_of_several_forms_a_refusal_sits_in_the_form_that_was_sent()
    {
        var page = NewPage();

        await page.AnswerAsync(StepResult.Refused("缴费累计将超过应缴。"), () => new RedirectResult("/next"), page.ReloadAsync, fieldPrefix: "Pay");
        await page.AnswerAsync(StepResult.Refused("日期不对。", "StartOn"), () => new RedirectResult("/next"), page.ReloadAsync, fieldPrefix: "Pay");

        Assert.Equal("缴费累计将超过应缴。", Assert.Single(page.ModelState["Pay"]!.Errors).ErrorMessage);
        Assert.Equal("日期不对。", Assert.Single(page.ModelState["Pay.StartOn"]!.Errors).ErrorMessage);
        Assert.False(page.ModelState.ContainsKey("Input"));
    }

    [Fact]
    public async Task A_page_binding_its_fields_itself_keys_a_whole_record_message_to_the_top()
    {
        var page = NewPage();

        await page.AnswerAsync(StepResult.Changed(), () => new RedirectResult("/next"), page.ReloadAsync, fieldPrefix: "");
        await page.AnswerAsync(StepResult.Refused("请选择。", nameof(FormPage.Input)), () => new RedirectResult("/next"), page.ReloadAsync, fieldPrefix: "");

        Assert.Equal(CommonTexts.Changed, Assert.Single(page.ModelState[""]!.Errors).ErrorMessage);
        Assert.Single(page.ModelState["Input"]!.Errors);
    }
}
