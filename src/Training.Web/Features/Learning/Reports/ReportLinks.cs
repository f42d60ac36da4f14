using Microsoft.AspNetCore.Mvc;
using Training.Web.Features.Learning.Assignments;

namespace Training.Web.Features.Learning.Reports;

/// <summary>The report's addresses, by page name.</summary>
public static class ReportLinks
{
    /// <summary>A unit's report for a year: /Learning/Reports?unit=…&amp;year=….</summary>
    public static string LearningReport(this IUrlHelper url, int unitId, int year, int page = 1) =>
        url.Page("/Learning/Reports/Index", new { unit = unitId, year, p = page > 1 ? page : (int?)null })!;

    /// <summary>The persons behind a figure of a unit: /Learning/Reports/People?figure=…&amp;unit=…&amp;year=….</summary>
    public static string LearningPeople(this IUrlHelper url, LearningFigure figure, int unitId, int year, int page = 1) =>
        url.Page("/Learning/Reports/People", new { figure, unit = unitId, year, p = page > 1 ? page : (int?)null })!;

    /// <summary>The persons of a unit in one standing on an assignment.</summary>
    public static string LearningPeople(this IUrlHelper url, int assignmentId, AssignmentStanding standing, int unitId, int year, int page = 1) =>
        url.Page("/Learning/Reports/People", new { assignment = assignmentId, standing, unit = unitId, year, p = page > 1 ? page : (int?)null })!;
}
