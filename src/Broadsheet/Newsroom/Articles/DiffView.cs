using Broadsheet.Articles.Workflow;

namespace Broadsheet.Newsroom.Articles;

/// <summary>Two states of an article side by side, for the conflict panel and the revision comparison.</summary>
public sealed record DiffView(string LeftLabel, string RightLabel, IReadOnlyList<FieldDiff> Fields);
