namespace Training.Web.Features.Degree;

/// <summary>What the degree pages say when an application changed under the user (trainee, reviewers, school, city).</summary>
public static class DegreeTexts
{
    public const string Changed = "该报名已被他人处理或修改，请刷新后查看最新状态。";
}
