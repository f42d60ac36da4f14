namespace Training.Core.Domain;

/// <summary>草稿 → 已发布 → 已下架 (LEARNING.md §1): only a published course can be studied; a withdrawn one keeps every credit given.</summary>
public enum CourseState
{
    Draft,
    Published,
    Withdrawn,
}
