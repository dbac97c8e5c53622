import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';

const detect = (content: string, path = 'apps/support/Gemfile') => manifestsDetector.detect({ scope: 'repo', path, content });
const summary = (content: string, path?: string) =>
  Object.fromEntries(
    (detect(content, path)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence.map((e) => e.line)]]),
  );

describe('Gemfile', () => {
  it('reads gems with versions, block groups, inline groups and nested blocks', () => {
    const content = `source "https://rubygems.org"

ruby "3.3.8"

gem "rails", "~> 8.0.2"
gem "ruby-openai", "~> 8.1", ">= 8.1.0", require: "openai"
# gem "anthropic"
gem("langchainrb", "0.19.5")

group :development, :test do
  gem "rspec-rails"
  platforms :mri do
    gem "ruby_llm", "~> 1.3"
  end
  gem "pinecone", group: :vectors
end

gem "mcp", groups: [:production, :tools]
gem "anthropic", "~> 1.1", :group => :staging
`;
    expect(summary(content)).toEqual({
      'ruby-openai': [['runtime'], ['~> 8.1, >= 8.1.0'], [6]],
      langchainrb: [['runtime'], ['0.19.5'], [8]],
      ruby_llm: [['dev'], ['~> 1.3'], [13]],
      pinecone: [['dev', 'group:vectors'], undefined, [15]],
      mcp: [['group:production', 'group:tools'], undefined, [18]],
      anthropic: [['group:staging'], ['~> 1.1'], [19]],
    });
  });

  it('reads gemspec runtime and development dependencies', () => {
    const content = `Gem::Specification.new do |spec|
  spec.name = "support-bot"
  spec.summary = "openai helpers"
  spec.add_dependency "openai", ">= 0.3"
  spec.add_runtime_dependency("langchainrb")
  spec.add_development_dependency "ruby_llm", "~> 1.3"
end
`;
    expect(summary(content, 'gems/support/support.gemspec')).toEqual({
      openai: [['runtime'], ['>= 0.3'], [4]],
      langchainrb: [['runtime'], undefined, [5]],
      ruby_llm: [['dev'], ['~> 1.3'], [6]],
    });
  });

  it('ignores comments, strings and look-alikes', () => {
    expect(detect('gem "openapi_first"\ngem "omniauth"\n# gem "ruby-openai"\nputs "gem \'openai\'"\n')).toBeNull();
  });
});
