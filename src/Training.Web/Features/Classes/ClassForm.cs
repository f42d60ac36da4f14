using Microsoft.AspNetCore.Mvc.ModelBinding;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Classes;

/// <summary>
/// The terms of a class as typed in 新建培训班 and 修改培训班. Everything arrives as text and is
/// read here, so that a typo gets a Chinese message next to its field (model binding's own
/// messages are English) and the form comes back with exactly what was typed.
/// </summary>
public sealed class ClassForm
{
    public string? Name { get; set; }
    public string? StartOn { get; set; }
    public string? EndOn { get; set; }
    public string? Capacity { get; set; }
    /// <summary>"" (不限), "Female" or "Male".</summary>
    public string? SexOnly { get; set; }
    public string? Audience { get; set; } = nameof(ClassAudience.Any);
    public string? CompletionPercent { get; set; } = TrainingClass.DefaultCompletionPercent.ToString();
    public string? Description { get; set; }

    public sealed record Terms(string? Name, DateOnly StartOn, DateOnly EndOn, int Capacity, Sex? SexOnly,
        ClassAudience Audience, int CompletionPercent, string? Description);

    /// <summary>性别要求 as offered in the form: value and label.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> SexChoices =
        [("", ClassesTexts.AnySex), (nameof(Sex.Female), ClassesTexts.WomenOnly), (nameof(Sex.Male), ClassesTexts.MenOnly)];

    public static ClassForm From(TrainingClass c) => new()
    {
        Name = c.Name,
        StartOn = FormInput.DateText(c.StartOn),
        EndOn = FormInput.DateText(c.EndOn),
        Capacity = c.Capacity.ToString(),
        SexOnly = c.SexOnly?.ToString() ?? "",
        Audience = c.Audience.ToString(),
        CompletionPercent = c.CompletionPercent.ToString(),
        Description = c.Description,
    };

    /// <summary>The terms, or null with a message per field in <paramref name="state"/> (keys "Input.<field>").</summary>
    public Terms? Read(ModelStateDictionary state)
    {
        var start = state.Date("Input.StartOn", StartOn, CommonTexts.StartOn);
        var end = state.Date("Input.EndOn", EndOn, CommonTexts.EndOn);
        var capacity = state.Whole("Input.Capacity", Capacity, ClassesTexts.Capacity);
        var percent = state.Whole("Input.CompletionPercent", CommonTexts.PercentSigns.Aggregate(CompletionPercent ?? "", (s, sign) => s.Replace(sign, "")), ClassesTexts.CompletionPercent);
        Sex? sex = null;
        if (!string.IsNullOrEmpty(SexOnly))
        {
            if (Enum.TryParse<Sex>(SexOnly, out var s) && Enum.IsDefined(s) && !int.TryParse(SexOnly, out _)) sex = s;
            else state.AddModelError("Input.SexOnly", ClassesTexts.SexOnlyInvalid);
        }
        var audience = ClassAudience.Any;
        if (!Enum.TryParse(Audience, out audience) || !Enum.IsDefined(audience) || int.TryParse(Audience, out _))
            state.AddModelError("Input.Audience", ClassesTexts.ChooseAudience);
        if (string.IsNullOrWhiteSpace(Name)) state.AddModelError("Input.Name", ClassesTexts.NameRequired);
        if (!state.IsValid) return null;
        return new Terms(Name, start!.Value, end!.Value, capacity!.Value, sex, audience, percent!.Value, Description);
    }

    /// <summary>One line for the audit log: "农村女干部培训班，2027-03-01 至 2027-03-05，30 人，仅限女性，结业出勤率 80%".</summary>
    public static string Describe(TrainingClass c) =>
        ClassesTexts.Describe(c.Name, c.StartOn, c.EndOn, c.Capacity, c.AudienceText, c.CompletionPercent);
}
