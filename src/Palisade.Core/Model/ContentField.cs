namespace Palisade.Core.Model;

/// <summary>
/// One piece of text inside an action that content scanners read, named by its path
/// (for example <c>content</c>, <c>messages[2].content</c>, <c>arguments.command</c>).
/// </summary>
public readonly record struct ContentField(string Path, string Text);
