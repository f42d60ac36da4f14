using Microsoft.AspNetCore.Mvc.ModelBinding;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Notices.Manage;

/// <summary>A notice's terms as typed in 新建通知 and 修改通知: text in, read here, each mistake beside its field in Chinese.</summary>
public sealed class NoticeForm
{
    public string? Title { get; set; }
    public string? Category { get; set; }
    public string? Body { get; set; }
    public bool Pinned { get; set; }
    /// <summary>Empty for a notice that does not expire.</summary>
    public string? ExpiresOn { get; set; }

    public sealed record Terms(string? Title, NoticeCategory Category, string? Body, bool Pinned, DateOnly? ExpiresOn);

    public static NoticeForm From(Notice n) => new()
    {
        Title = n.Title, Category = n.Category.ToString(), Body = n.Body, Pinned = n.Pinned,
        ExpiresOn = n.ExpiresOn is { } d ? FormInput.DateText(d) : null,
    };

    public Terms? Read(ModelStateDictionary state)
    {
        if (!Enum.TryParse<NoticeCategory>(Category, out var category) || !Enum.IsDefined(category) || int.TryParse(Category, out _))
            state.AddModelError("Input.Category", NoticesTexts.ChooseCategory);
        var expires = string.IsNullOrWhiteSpace(ExpiresOn) ? null : state.Date("Input.ExpiresOn", ExpiresOn, NoticesTexts.ExpiresOn);
        return state.IsValid ? new Terms(Title, category, Body, Pinned, expires) : null;
    }

    public static string Describe(Notice n) => NoticesTexts.Describe(n.Title, n.Category.Name(), n.State.Name());
}
