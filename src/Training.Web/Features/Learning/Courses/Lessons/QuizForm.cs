using Microsoft.AspNetCore.Mvc.ModelBinding;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Courses.Lessons;

/// <summary>A quiz's rules as typed (names "Quiz.*"): numbers as text, read here, blank attempts or time meaning no limit.</summary>
public sealed class QuizForm
{
    public string? DrawCount { get; set; } = "10";
    public string? PassPercent { get; set; } = "60";
    public string? MaxAttempts { get; set; } = "3";
    public string? TimeLimitMinutes { get; set; }

    public static QuizForm From(QuizRules r) => new()
    {
        DrawCount = r.DrawCount.ToString(), PassPercent = r.PassPercent.ToString(),
        MaxAttempts = r.MaxAttempts?.ToString(), TimeLimitMinutes = r.TimeLimitMinutes?.ToString(),
    };

    public sealed record Numbers(int DrawCount, int PassPercent, int? MaxAttempts, int? TimeLimitMinutes)
    {
        /// <summary>The rules; a number out of its range is the domain's to refuse (inside the step, beside its field).</summary>
        public QuizRules Rules() => QuizRules.Create(DrawCount, PassPercent, MaxAttempts, TimeLimitMinutes);
    }

    /// <summary>The numbers, or null with each one that is not a whole number refused beside its field.</summary>
    public Numbers? Read(ModelStateDictionary state)
    {
        var draw = state.Whole("Quiz.DrawCount", DrawCount, LearningTexts.DrawCount);
        var pass = state.Whole("Quiz.PassPercent", CommonTexts.PercentSigns.Aggregate(PassPercent ?? "", (s, sign) => s.Replace(sign, "")), LearningTexts.PassPercent);
        var attempts = string.IsNullOrWhiteSpace(MaxAttempts) ? null : state.Whole("Quiz.MaxAttempts", MaxAttempts, LearningTexts.MaxAttempts);
        var minutes = string.IsNullOrWhiteSpace(TimeLimitMinutes) ? null : state.Whole("Quiz.TimeLimitMinutes", TimeLimitMinutes, LearningTexts.TimeLimit);
        return state.IsValid ? new Numbers(draw!.Value, pass!.Value, attempts, minutes) : null;
    }
}
