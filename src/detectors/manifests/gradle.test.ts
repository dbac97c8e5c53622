import { describe, expect, it } from 'vitest';
import { gradleScope } from './gradle.ts';
import { manifestsDetector } from './index.ts';

const detect = (content: string, path = 'services/assistant/build.gradle.kts') => manifestsDetector.detect({ scope: 'repo', path, content });
const summary = (content: string, path?: string) =>
  Object.fromEntries(
    (detect(content, path)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence.map((e) => e.line)]]),
  );

describe('build.gradle(.kts)', () => {
  it('reads Kotlin DSL declarations, platforms and named arguments; skips comments and plugins', () => {
    const content = `plugins {
    id("org.springframework.boot") version "3.5.0"
    kotlin("jvm") version "2.1.21"
}

dependencies {
    implementation(platform("org.springframework.ai:spring-ai-bom:1.0.0"))
    implementation("org.springframework.ai:spring-ai-starter-model-anthropic")
    implementation("dev.langchain4j:langchain4j:$langchain4jVersion")
    api(group = "com.openai", name = "openai-java", version = "2.2.0")
    // implementation("com.anthropic:anthropic-java:2.0.0")
    /* runtimeOnly("ai.djl:api:0.33.0") */
    compileOnly("org.springframework.boot:spring-boot-starter-web")
    testImplementation(
        "dev.langchain4j:langchain4j-ollama:1.0.1-beta6"
    )
    implementation(libs.langchain4j.openai)
}
`;
    expect(summary(content)).toEqual({
      'org.springframework.ai:spring-ai-bom': [['managed'], ['1.0.0'], [7]],
      'org.springframework.ai:spring-ai-starter-model-anthropic': [['runtime'], undefined, [8]],
      'dev.langchain4j:langchain4j': [['runtime'], ['$langchain4jVersion'], [9]],
      'com.openai:openai-java': [['runtime'], ['2.2.0'], [10]],
      'dev.langchain4j:langchain4j-ollama': [['dev'], ['1.0.1-beta6'], [14]],
    });
  });

  it('reads Groovy DSL string and map notation', () => {
    const content = `buildscript {
  dependencies { classpath 'com.google.cloud:google-cloud-vertexai:1.25.0' }
}
dependencies {
  implementation 'com.azure:azure-ai-openai:1.0.0-beta.16'
  implementation enforcedPlatform('org.springframework.ai:spring-ai-bom:1.0.0')
  testImplementation group: 'io.modelcontextprotocol.sdk', name: 'mcp-test', version: '0.10.0'
  annotationProcessor "org.projectlombok:lombok:1.18.38"
  implementation "org.tensorflow:tensorflow-core-platform:1.1.0@jar"
}
`;
    expect(summary(content, 'legacy/build.gradle')).toEqual({
      'com.google.cloud:google-cloud-vertexai': [['build'], ['1.25.0'], [2]],
      'com.azure:azure-ai-openai': [['runtime'], ['1.0.0-beta.16'], [5]],
      'org.springframework.ai:spring-ai-bom': [['managed'], ['1.0.0'], [6]],
      'io.modelcontextprotocol.sdk:mcp-test': [['dev'], ['0.10.0'], [7]],
      'org.tensorflow:tensorflow-core-platform': [['runtime'], ['1.1.0'], [9]],
    });
  });

  it('classifies configurations', () => {
    expect(['implementation', 'debugImplementation', 'testImplementation', 'androidTestImplementation', 'kapt', 'testFixturesApi', 'compileOnly', 'id', 'println'].map(gradleScope)).toEqual(
      ['runtime', 'runtime', 'dev', 'dev', 'build', 'dev', 'build', undefined, undefined],
    );
  });

  it('ignores strings outside dependency configurations and look-alikes', () => {
    const content = `description = "dev.langchain4j:langchain4j wrapper"
val x = listOf("com.openai:openai-java:1.0")
dependencies { implementation("org.springframework.amqp:spring-rabbit:3.2.5") }
`;
    expect(detect(content)).toBeNull();
  });
});

describe('libs.versions.toml', () => {
  it('reads library entries in all forms, resolving version.ref', () => {
    const content = `[versions]
langchain4j = "1.0.1"
springAi = { strictly = "1.0.0" }

[libraries]
langchain4j-core = { module = "dev.langchain4j:langchain4j", version.ref = "langchain4j" }
spring-ai-openai = { group = "org.springframework.ai", name = "spring-ai-openai", version.ref = "springAi" }
openai = "com.openai:openai-java:2.2.0"
guava = "com.google.guava:guava:33.4.8-jre"

[plugins]
spring-boot = { id = "org.springframework.boot", version = "3.5.0" }
`;
    expect(summary(content, 'gradle/libs.versions.toml')).toEqual({
      'dev.langchain4j:langchain4j': [['managed'], ['1.0.1'], [6]],
      'org.springframework.ai:spring-ai-openai': [['managed'], ['1.0.0'], [7]],
      'com.openai:openai-java': [['managed'], ['2.2.0'], [8]],
    });
  });

  it('reports invalid TOML', () => {
    expect(detect('[libraries\n', 'gradle/libs.versions.toml')?.diagnostics.map((d) => d.code)).toEqual(['parse-failed']);
  });
});
