using Microsoft.AspNetCore.Razor.TagHelpers;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Infrastructure.Web;

/// <summary>
/// PRODUCT.md §4 in one place: an ID number or a phone number is shown whole only to the roles that
/// need them (CityAdmin and DistrictStaff, on records of their scope — every page shows only
/// records in scope), masked to everyone else (440103********123X, 138****5678). Pages write
/// <c>&lt;id-number value="@r.IdNumber" /&gt;</c> and <c>&lt;phone-number value="@r.Phone" /&gt;</c>
/// and never decide it themselves. What they draw whole is counted for the audit (<see cref="PersonalDataViews"/>).
/// </summary>
[HtmlTargetElement("id-number", TagStructure = TagStructure.WithoutEndTag)]
public sealed class IdNumberTagHelper(CurrentUser me, PersonalDataShown shown) : TagHelper
{
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var whole = !string.IsNullOrEmpty(Value) && me.MaySeePersonalData;
        if (whole) shown.IdNumbers++;
        PersonalData.Write(output, string.IsNullOrEmpty(Value) ? null : whole ? Value : ResidentId.Mask(Value));
    }
}

[HtmlTargetElement("phone-number", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PhoneNumberTagHelper(CurrentUser me, PersonalDataShown shown) : TagHelper
{
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var whole = !string.IsNullOrEmpty(Value) && me.MaySeePersonalData;
        if (whole) shown.Phones++;
        PersonalData.Write(output, string.IsNullOrEmpty(Value) ? null : whole ? Value : Phone.Mask(Value));
    }
}

internal static class PersonalData
{
    /// <summary>The text alone, no element around it; "—" when there is none.</summary>
    public static void Write(TagHelperOutput output, string? text)
    {
        output.TagName = null;
        output.Content.SetContent(text ?? CommonTexts.NotRecorded);
    }
}
