using Microsoft.AspNetCore.Mvc.ModelBinding;
using Training.Core.Domain;

namespace Training.Web.Features.Learning.Courses;

/// <summary>A course's terms as typed in 新建课程 and 修改课程: text in, read here, so a wrong choice gets a Chinese message beside its field.</summary>
public sealed class CourseForm
{
    public string? Title { get; set; }
    public string? Category { get; set; }
    public string? Description { get; set; }
    public bool QuizEarnsHours { get; set; }

    public sealed record Terms(string? Title, CourseCategory Category, string? Description, bool QuizEarnsHours);

    public static CourseForm From(Course c) => new()
    {
        Title = c.Title, Category = c.Category.ToString(), Description = c.Description, QuizEarnsHours = c.QuizEarnsHours,
    };

    public Terms? Read(ModelStateDictionary state)
    {
        if (!Enum.TryParse<CourseCategory>(Category, out var category) || !Enum.IsDefined(category) || int.TryParse(Category, out _))
            state.AddModelError("Input.Category", LearningTexts.ChooseCategory);
        return state.IsValid ? new Terms(Title, category, Description, QuizEarnsHours) : null;
    }

    public static string Describe(Course c) => LearningTexts.CourseLine(c.Title, c.Category.Name());
}
