-- A second real LSP client: headless Neovim (0.7+) runs the Neovim snippet of server/README.md
-- (taken from the README itself, for the running version; the other version's snippet is
-- parsed), which starts phi-guard-language-server --stdio; then waits for PHI Guard's
-- diagnostics on the open file, asks for a hover and the code actions (no two with the same
-- title), applies the quick fix and waits for the diagnostic to go away. Prints PASS/FAIL
-- lines; exits 0 when everything passed (`cq` otherwise).
-- Env: PHI_GUARD_REPO (the clone the snippet's /path/to/phi-guard stands for), NEEDLE (text
-- where the finding is), EXPECT (message substring), QUICKFIX (action title), QUICKFIX_RESULT,
-- LSP_TIMEOUT_MS.
local out = function(s) io.stdout:write(s .. '\n') end
local timeout = tonumber(vim.env.LSP_TIMEOUT_MS or '60000')
local needle, expect = vim.env.NEEDLE, vim.env.EXPECT
local quickfix, result_text = vim.env.QUICKFIX, vim.env.QUICKFIX_RESULT
local repo = vim.env.PHI_GUARD_REPO
local failures = 0
local check = function(ok, what)
  out((ok and 'PASS: ' or 'FAIL: ') .. what)
  if not ok then failures = failures + 1 end
end
local t0 = vim.loop.hrtime()
local ms = function() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local version = vim.version()
local modern = version.major > 0 or version.minor >= 10

-- The first ```lua block after the heading that starts with `heading`.
local function snippet_after(heading)
  local lines = vim.fn.readfile(repo .. '/server/README.md')
  local state, code = 'heading', {}
  for _, line in ipairs(lines) do
    if state == 'heading' and line:sub(1, #heading) == heading then state = 'fence'
    elseif state == 'fence' and line == '```lua' then state = 'code'
    elseif state == 'code' and line == '```' then return table.concat(code, '\n')
    elseif state == 'code' then table.insert(code, line) end
  end
  return nil
end
local snippets = { modern = snippet_after('### Neovim 0.10 and later'), legacy = snippet_after('### Neovim 0.7 to 0.9') }
check(snippets.modern ~= nil and snippets.legacy ~= nil, 'server/README.md has a Neovim 0.10+ and a 0.7-0.9 snippet')
local chosen, other = snippets[modern and 'modern' or 'legacy'], snippets[modern and 'legacy' or 'modern']
local parsed_other = other and (loadstring or load)(other, 'README snippet')
check(parsed_other ~= nil, 'the README snippet for the other Neovim versions parses (not run here)')
if not chosen then vim.cmd('cq') end
-- The one substitution the README asks of the user: where the clone is.
local code = chosen:gsub('/path/to/phi%-guard', repo)
local run, err = (loadstring or load)(code, 'README snippet')
check(run ~= nil, 'the README snippet for Neovim ' .. version.major .. '.' .. version.minor .. ' parses' .. (err and (': ' .. err) or ''))
local ok, run_err = pcall(run)
check(ok, 'the README snippet runs' .. (run_err and (': ' .. tostring(run_err)) or ''))

local bufnr = vim.api.nvim_get_current_buf()
-- Setting the filetype fires FileType: the snippet's autocmd starts the server and attaches.
vim.bo[bufnr].filetype = 'typescript'
local function clients()
  if vim.lsp.get_clients then return vim.lsp.get_clients({ bufnr = bufnr, name = 'phi-guard' }) end
  local found = {}
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do if c.name == 'phi-guard' then table.insert(found, c) end end
  return found
end
local attached = vim.wait(timeout, function() return #clients() > 0 end, 20)
check(attached, 'the snippet started phi-guard and attached it to the buffer')
if not attached then vim.cmd('cq') end
local client_id = clients()[1].id

local function ours()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'phi-guard' and d.message:find(expect, 1, true) then table.insert(found, d) end
  end
  return found
end

local got = vim.wait(timeout, function() return #ours() > 0 end, 20)
local all = vim.diagnostic.get(bufnr)
out(string.format('nvim %d.%d.%d: %d diagnostics after %d ms', vim.version().major, vim.version().minor, vim.version().patch, #all, ms()))
for _, d in ipairs(all) do
  local related = d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation or {}
  out(string.format('DIAG %d:%d %s %s [%s] (%d flow steps)', d.lnum + 1, d.col + 1, d.source, d.message, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), #related))
end
check(got, 'PHI Guard diagnostic "' .. expect .. '" arrived')
if not got then vim.lsp.stop_client(client_id); vim.cmd('cq') end
local target = ours()[1]

-- hover at the PHI expression
local line_text = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
local col = (line_text:find(needle, 1, true) or (target.col + 1)) - 1 + math.floor(#needle / 2)
vim.api.nvim_win_set_cursor(0, { target.lnum + 1, col })
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(), timeout) or {}
local hover_text = ''
for _, r in pairs(hover) do
  if r.result and r.result.contents then hover_text = hover_text .. (r.result.contents.value or vim.inspect(r.result.contents)) end
end
out('HOVER ' .. hover_text:gsub('\n', ' '))
check(hover_text:find('PHI Guard', 1, true) ~= nil, 'hover explains the PHI expression')

-- code actions for the diagnostic, then apply the quick fix
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum) }
local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout) or {}
local applied = false
local titles, duplicates = {}, {}
for _, r in pairs(res) do
  for _, action in ipairs(r.result or {}) do
    out('ACTION ' .. action.title .. (action.isPreferred and ' (preferred)' or ''))
    if titles[action.title] then table.insert(duplicates, action.title) end
    titles[action.title] = true
    if not applied and action.title == quickfix and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = true
    end
  end
end
check(next(titles) ~= nil and #duplicates == 0, 'code actions offered, no two with the same title' .. (#duplicates > 0 and (' (twice: ' .. table.concat(duplicates, ', ') .. ')') or ''))
check(applied, 'quick fix "' .. quickfix .. '" offered and applied')
local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
check(text:find(result_text, 1, true) ~= nil, 'buffer contains "' .. result_text .. '"')
local gone = vim.wait(timeout, function() return #ours() == 0 end, 20)
check(gone, string.format('the diagnostic went away after the fix (%d ms)', ms()))

vim.lsp.stop_client(client_id)
out(failures == 0 and 'RESULT PASS' or ('RESULT FAIL (' .. failures .. ')'))
vim.cmd(failures == 0 and 'qa!' or 'cq')
