using Training.Web.Infrastructure;

namespace Training.Web.Features.Degree.Reviews;

/// <summary>Instants are stored in UTC; reviewers read them in Guangzhou time.</summary>
public static class ReviewFormat
{
    public static string Local(DateTime utc) => ChinaTime.Format(utc);

    public static string YesNo(bool value) => DegreeTexts.YesNo(value);
}
