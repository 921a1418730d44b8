// Sextant's MCP server through the reference TypeScript client (@modelcontextprotocol/sdk) over
// Streamable HTTP with an API key. Lists tools, resources and prompts, calls each tool with the
// arguments given (and once with a wrong one), and prints one JSON document on stdout.
//
// Environment: SEXTANT_MCP_URL (http://127.0.0.1:<port>/mcp), SEXTANT_API_KEY (sx_live_...),
// SEXTANT_CALLS (JSON: tool name -> arguments).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = new URL(process.env.SEXTANT_MCP_URL);
const key = process.env.SEXTANT_API_KEY;
const calls = JSON.parse(process.env.SEXTANT_CALLS ?? "{}");

const transport = new StreamableHTTPClientTransport(url, {
  requestInit: { headers: { Authorization: `Bearer ${key}` } },
});
const client = new Client({ name: "sextant-interop", version: "1.0.0" });

const report = { tools: [], calls: {}, wrongArguments: {}, resources: [], templates: [], prompts: [] };
try {
  await client.connect(transport);
  report.protocolVersion = transport.protocolVersion ?? null;
  report.server = client.getServerVersion()?.name ?? null;
  const { tools } = await client.listTools();
  report.tools = tools.map((t) => t.name);
  for (const tool of tools) {
    // callTool validates structuredContent against the tool's outputSchema (ajv) and throws if it does not match.
    const result = await client.callTool({ name: tool.name, arguments: calls[tool.name] ?? {} });
    report.calls[tool.name] = {
      isError: result.isError === true,
      structured: result.structuredContent !== undefined,
      texts: result.content.filter((c) => c.type === "text").length,
      text: result.isError ? result.content[0]?.text : undefined,
    };
    const wrong = await client.callTool({ name: tool.name, arguments: { no_such_argument: 1 } });
    report.wrongArguments[tool.name] = { isError: wrong.isError === true, text: wrong.content[0]?.text ?? "" };
  }
  report.resources = (await client.listResources()).resources.map((r) => r.uri);
  report.templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
  report.prompts = (await client.listPrompts()).prompts.map((p) => p.name);
  const indicators = await client.readResource({ uri: "sextant://indicators" });
  report.indicatorsMimeType = indicators.contents[0]?.mimeType ?? null;
  await transport.terminateSession();
  await client.close();
} catch (error) {
  report.error = String(error?.message ?? error);
  process.stdout.write(JSON.stringify(report) + "\n");
  process.exit(1);
}
process.stdout.write(JSON.stringify(report) + "\n");
